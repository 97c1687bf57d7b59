// <events-table>: sorts the events table by date and filters it by track and actor.
// The table is complete without JavaScript; this only adds the controls. Its words come from the page
// (data-shown="{shown} of {total} events shown", data-oldest, data-newest, and the caption for each order in
// data-caption-oldest and data-caption-newest), so they follow the UI strings.

class EventsTable extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector<HTMLFormElement>('form.table-controls');
    const table = this.querySelector('table');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    if (!form || !table || !status) return;
    form.hidden = false;
    const body = table.tBodies[0];
    const rows = [...body.rows];
    const sortButton = table.querySelector<HTMLButtonElement>('button[data-sort="date"]');
    const dateHeader = sortButton?.closest('th');
    let ascending = true;

    const apply = () => {
      const track = (form.elements.namedItem('track') as HTMLSelectElement).value;
      const actor = (form.elements.namedItem('actor') as HTMLSelectElement).value;
      let shown = 0;
      for (const row of rows) {
        const ok =
          (!track || row.dataset.track === track) && (!actor || (row.dataset.actors ?? '').split(' ').includes(actor));
        row.hidden = !ok;
        if (ok) shown++;
      }
      status.textContent = (this.dataset.shown ?? '')
        .replace('{shown}', String(shown))
        .replace('{total}', String(rows.length));
    };

    sortButton?.addEventListener('click', () => {
      ascending = !ascending;
      const sorted = [...rows].sort((a, b) => Number(a.dataset.order) - Number(b.dataset.order));
      if (!ascending) sorted.reverse();
      body.append(...sorted);
      dateHeader?.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      if (table.caption)
        table.caption.textContent = (ascending ? this.dataset.captionOldest : this.dataset.captionNewest) ?? '';
      sortButton.querySelector('.dir')!.textContent = (ascending ? this.dataset.oldest : this.dataset.newest) ?? '';
    });
    form.addEventListener('change', apply);
    form.addEventListener('reset', () => setTimeout(apply));
    form.addEventListener('submit', (e) => e.preventDefault());
  }
}

customElements.define('events-table', EventsTable);
