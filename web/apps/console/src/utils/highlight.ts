import type { SearchHit, SearchType } from '@/api';

// Search highlights arrive as HTML fragments with the matches in <em>. They carry data people
// typed (names, addresses, descriptions), so they are rebuilt here: only a plain <em> survives,
// everything else becomes text.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Entities back to characters (the server may or may not have encoded the text). */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : entity;
    }
    return NAMED[body.toLowerCase()] ?? entity;
  });
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A highlight fragment safe for `v-html`: `<em>` and `</em>` (no attributes) kept and balanced,
 * every other character escaped, so `<img onerror=…>` or `<em onclick=…>` shows as text.
 */
export function sanitizeHighlight(fragment: string | null | undefined): string {
  if (!fragment) return '';
  let open = false;
  let out = '';
  for (const part of fragment.split(/(<\/?em\s*>)/i)) {
    if (/^<em\s*>$/i.test(part)) {
      if (!open) out += '<em>';
      open = true;
    } else if (/^<\/em\s*>$/i.test(part)) {
      if (open) out += '</em>';
      open = false;
    } else {
      out += escape(decode(part));
    }
  }
  return open ? out + '</em>' : out;
}

/** The page that shows a hit: the kind's list with its drawer open, or the event. */
export function hitPath(type: SearchType | string, id: number): string {
  switch (type) {
    case 'events':
      return `/events/${id}`;
    case 'people':
    case 'houses':
    case 'places':
    case 'organizations':
    case 'things':
      return `/basedata/${type}/${id}`;
    default:
      return '/';
  }
}

const TITLE_FIELDS = ['name', 'title', 'address', 'code'];

/**
 * A hit for display: its title (highlighted when the match is in it) and the fragments of the
 * other fields, all sanitised.
 */
export function hitView(hit: SearchHit): {
  title: string;
  fragments: { field: string; html: string }[];
} {
  const highlights = hit.highlights ?? {};
  const titleField = TITLE_FIELDS.find((field) => {
    const plain = highlights[field]?.replace(/<\/?em\s*>/gi, '');
    return plain !== undefined && decode(plain) === hit.title;
  });
  return {
    title: titleField ? sanitizeHighlight(highlights[titleField]) : escape(hit.title ?? ''),
    fragments: Object.entries(highlights)
      .filter(([field]) => field !== titleField)
      .map(([field, html]) => ({ field, html: sanitizeHighlight(html) })),
  };
}
