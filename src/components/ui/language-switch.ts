// The language switcher keeps what the reader has open: the other language's page is the same page,
// and reads the same query (?event=…, a timeline's window) and fragment (#event-…), which scripts may
// have changed since the page loaded. Without scripts the link goes to the same page, as built.
for (const link of document.querySelectorAll<HTMLAnchorElement>('.language-switch a')) {
  const follow = () => {
    link.search = location.search;
    link.hash = location.hash;
  };
  // Before a click, a middle click or the context menu ("copy link") read the address.
  for (const type of ['click', 'auxclick', 'contextmenu', 'focus'] as const) link.addEventListener(type, follow);
}
