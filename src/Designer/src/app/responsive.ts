// Phone-first helpers: how wide screens' tables read on a phone.

/** Below this width (px) tables marked with `cardsOnPhone` become one card per row (styles.css has the same number). */
export const phoneWidth = 700;

/**
 * Marks a `table.grid` to be shown as cards on phones: each row a card, each cell a line with its column's
 * heading as a caption (taken from the table's `th`, kept in `data-label`). Call after the rows are in; returns the
 * table. Wide screens still get the plain table.
 */
export function cardsOnPhone<T extends HTMLTableElement>(table: T): T {
  table.classList.add('cards');
  const headings = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent?.trim() ?? '');
  for (const row of Array.from(table.querySelectorAll('tbody tr'))) {
    Array.from(row.children).forEach((cell, index) => {
      const label = headings[index];
      if (label && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', label);
    });
  }
  return table;
}
