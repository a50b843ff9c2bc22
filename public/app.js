// Suggestions for the search page's box, on top of a form that already works without this.
// A WAI-ARIA combobox: arrows move through the list, Enter opens the chosen article, Escape
// closes; text reaches the page only as text nodes and <mark> elements, never as HTML.
(() => {
  const input = document.getElementById("q");
  const list = document.getElementById("q-suggestions");
  if (!input || !list) return;
  // Elasticsearch's highlighter escapes with named and numeric (&#x27; &#x2F;) entities.
  const entities = { amp: "&", lt: "<", gt: ">", quot: '"' };
  const decode = (text) =>
    text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot);/gi, (_, name) =>
      name[0] === "#"
        ? String.fromCodePoint(Math.min(Number(`0${name.slice(1)}`), 0xfffd))
        : entities[name.toLowerCase()],
    );

  /** An API highlight (escaped text with <mark>) as DOM nodes, appended to `parent`. */
  const appendHighlighted = (parent, highlighted) => {
    highlighted.split(/(<\/?mark>)/).reduce((marked, part) => {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      if (part) {
        const node = marked ? document.createElement("mark") : document.createTextNode(decode(part));
        if (marked) node.textContent = decode(part);
        parent.append(node);
      }
      return marked;
    }, false);
  };

  let items = [];
  let active = -1;
  let timer;
  let controller;

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    items = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };

  const select = (index) => {
    active = index;
    for (const [i, item] of items.entries()) item.setAttribute("aria-selected", String(i === index));
    if (index >= 0) input.setAttribute("aria-activedescendant", items[index].id);
    else input.removeAttribute("aria-activedescendant");
  };

  const open = (suggestions) => {
    close();
    if (!suggestions.length) return;
    items = suggestions.map((suggestion, i) => {
      const item = document.createElement("li");
      item.id = `q-option-${i}`;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.dataset.href = `/articles/${encodeURIComponent(suggestion.id)}`;
      appendHighlighted(item, suggestion.highlighted);
      const source = document.createElement("small");
      source.textContent = suggestion.source;
      item.append(source);
      item.addEventListener("mousedown", (event) => {
        event.preventDefault();
        location.assign(item.dataset.href);
      });
      return item;
    });
    list.append(...items);
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };

  const fetchSuggestions = async () => {
    // A space after the last word says it is finished: suggestions then hold it whole, as Enter reads it.
    const query = input.value.trimStart();
    controller?.abort();
    if (query.trim().length < 2) return close();
    controller = new AbortController();
    try {
      const response = await fetch(`/api/suggest?size=6&q=${encodeURIComponent(query)}`, {
        signal: controller.signal,
      });
      if (!response.ok) return close();
      open((await response.json()).suggestions);
    } catch {
      // Aborted by newer typing, or the API is down: the plain form still works.
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && items.length) select((active + 1) % items.length);
    else if (event.key === "ArrowUp" && items.length) select((active - 1 + items.length) % items.length);
    else if (event.key === "Escape" && !list.hidden) close();
    else if (event.key === "Enter" && active >= 0) location.assign(items[active].dataset.href);
    else return;
    event.preventDefault();
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
})();
