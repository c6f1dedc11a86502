package org.govgrid.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Fan-out between nodes: one connection of its own, held for the node's lifetime, that
 * LISTENs on {@value NotifyPayload#CHANNEL} and hands every committed batch of new
 * notifications to this node's streams. A broken connection is replaced after a growing
 * pause; after such a gap every stream is closed so that consoles reconnect and reload
 * what they missed.
 */
@Component
class NotificationListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

	/** How long one wait for notifications lasts; also bounds how long stop() waits. */
	private static final int POLL_MILLIS = 500;

	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	private static final Duration LAST_RETRY = Duration.ofSeconds(30);

	private final DataSource dataSource;

	private final NotificationInbox inbox;

	private final NotificationStreams streams;

	private volatile boolean running;

	private volatile boolean listening;

	private Thread thread;

	NotificationListener(DataSource dataSource, NotificationInbox inbox, NotificationStreams streams) {
		this.dataSource = dataSource;
		this.inbox = inbox;
		this.streams = streams;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::run, "govgrid-notify-listener");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		Thread listener;
		synchronized (this) {
			this.running = false;
			listener = this.thread;
			this.thread = null;
		}
		if (listener != null) {
			listener.interrupt();
			try {
				listener.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		// open streams would otherwise hold up the web server's graceful shutdown
		this.streams.closeAll();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** True while the LISTEN connection is up (for tests and health). */
	boolean isListening() {
		return this.listening;
	}

	private void run() {
		Duration pause = FIRST_RETRY;
		boolean lostConnection = false;
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + NotifyPayload.CHANNEL);
				}
				if (lostConnection) {
					// notifications sent while nobody listened are lost for the push
					this.streams.closeAll();
					log.info("Listening for notifications again");
				}
				this.listening = true;
				pause = FIRST_RETRY;
				poll(connection.unwrap(PGConnection.class));
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					break;
				}
				lostConnection = true;
				log.warn("Notification listener lost its connection, retrying in {}s: {}", pause.toSeconds(),
						ex.getMessage());
				if (!sleep(pause)) {
					break;
				}
				pause = pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
			}
			finally {
				this.listening = false;
			}
		}
	}

	private void poll(PGConnection connection) throws SQLException {
		while (this.running) {
			PGNotification[] notifications = connection.getNotifications(POLL_MILLIS);
			if (notifications == null || notifications.length == 0) {
				continue;
			}
			Set<Long> users = this.streams.connectedUsers();
			if (users.isEmpty()) {
				continue;
			}
			List<Long> ids = new ArrayList<>();
			for (PGNotification notification : notifications) {
				ids.addAll(NotifyPayload.decode(notification.getParameter()));
			}
			if (!ids.isEmpty()) {
				this.streams.deliver(this.inbox.forDelivery(ids, users));
			}
		}
	}

	private boolean sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
