package org.govgrid.special;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Finds known names in Chinese text in one pass (Aho–Corasick over the dictionary's
 * characters). A dictionary match rather than word segmentation: place names such as 金山花园
 * or 狮山社区第1网格 are not in a segmenter's lexicon and would be cut apart, while the platform
 * knows every name it wants to find. A name inside a longer found name (狮山社区 in 狮山社区第1网格)
 * is dropped in favour of the longer one.
 *
 * @param <V> what a name stands for
 */
final class PlaceMatcher<V> {

	/** One name found at {@code [start, end)} of the text. */
	record Found<V>(String name, int start, int end, V value) {
	}

	private static final class Node<V> {

		final Map<Character, Node<V>> next = new HashMap<>();

		Node<V> fail;

		// the names ending here, longest first (own name, then those reached by failure)
		final List<String> names = new ArrayList<>();

	}

	private final Node<V> root = new Node<>();

	private final Map<String, V> values;

	PlaceMatcher(Map<String, V> dictionary) {
		this.values = Map.copyOf(dictionary);
		for (String name : this.values.keySet()) {
			Node<V> node = this.root;
			for (char c : name.toCharArray()) {
				node = node.next.computeIfAbsent(c, k -> new Node<>());
			}
			node.names.add(name);
		}
		Queue<Node<V>> queue = new ArrayDeque<>();
		for (Node<V> child : this.root.next.values()) {
			child.fail = this.root;
			queue.add(child);
		}
		while (!queue.isEmpty()) {
			Node<V> node = queue.remove();
			for (Map.Entry<Character, Node<V>> edge : node.next.entrySet()) {
				Node<V> child = edge.getValue();
				Node<V> fail = node.fail;
				while (fail != null && !fail.next.containsKey(edge.getKey())) {
					fail = fail.fail;
				}
				child.fail = fail == null ? this.root : fail.next.get(edge.getKey());
				child.names.addAll(child.fail.names);
				queue.add(child);
			}
		}
	}

	int size() {
		return this.values.size();
	}

	/** The names found, in text order, none inside another found name. */
	List<Found<V>> find(String text) {
		List<Found<V>> all = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return all;
		}
		Node<V> node = this.root;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			while (node != this.root && !node.next.containsKey(c)) {
				node = node.fail;
			}
			node = node.next.getOrDefault(c, this.root);
			for (String name : node.names) {
				all.add(new Found<>(name, i + 1 - name.length(), i + 1, this.values.get(name)));
			}
		}
		all.sort(Comparator.<Found<V>>comparingInt(Found::start).thenComparing(f -> -f.end()));
		List<Found<V>> kept = new ArrayList<>();
		int coveredTo = -1;
		for (Found<V> found : all) {
			if (found.end() <= coveredTo) {
				continue;
			}
			kept.add(found);
			coveredTo = Math.max(coveredTo, found.end());
		}
		return kept;
	}

}
