// Embeddable Arabic news search for other sites: <arabic-news-search> (box, suggestions and
// results) and <arabic-news-related> (related coverage of one article). No framework, one file.
// Everything renders in a shadow root with its own styles, so neither page nor widget restyles
// the other; colours come in through --ans-* custom properties, the only thing that crosses.
// Article text reaches the DOM as text nodes and <mark> elements only, never as HTML.
(() => {
  const arabicPlural = new Intl.PluralRules("ar");
  const LABELS = {
    ar: {
      search: "ابحث في الأخبار",
      go: "بحث",
      related: "مقالات مشابهة",
      none: "لا توجد نتائج",
      results: "نتائج البحث",
      down: "البحث غير متاح هنا الآن، افتح صفحة البحث",
      all: "كل النتائج في صفحة البحث",
      loading: "جارٍ البحث…",
      // Typed with the keyboard on the Latin layout: the results are for what the keys type in Arabic.
      arabicKeys: (query) => `نتائج «${query}»، فلوحة المفاتيح كانت على الإنجليزية`,
      arabicName: (query) => `نتائج «${query}»، كما تكتب الأخبار هذا الاسم بالعربية`,
      corrected: (typed, query) => `لم ترد «${typed}» في أي خبر؛ هذه نتائج «${query}»`,
      unquoted: (query) => `لا توجد نتائج للعبارة كما وردت بين علامتَي التنصيص؛ هذه نتائج كلماتها: «${query}»`,
      didYouMean: ["هل تقصد: ", "؟"],
      // Arabic counts: one and two have words of their own, 3–10 take the plural, 11 and on the singular.
      count: (n, digits) =>
        ({
          one: "نتيجة واحدة",
          two: "نتيجتان",
          few: `${digits} نتائج`,
        })[arabicPlural.select(n)] || `${digits} نتيجة`,
      // 11–99 take the singular in the accusative.
      sources: (n, digits) =>
        ({
          one: "مصدر واحد",
          two: "مصدران",
          few: `${digits} مصادر`,
          many: `${digits} مصدرًا`,
        })[arabicPlural.select(n)] || `${digits} مصدر`,
    },
    en: {
      search: "Search the news",
      go: "Search",
      related: "Related articles",
      none: "No results",
      results: "Search results",
      down: "Search is unavailable here right now; open the search page",
      all: "All results on the search page",
      loading: "Searching…",
      arabicKeys: (query) => `Results for «${query}», typed on the Latin keyboard layout`,
      arabicName: (query) => `Results for «${query}», the name as the news writes it in Arabic letters`,
      corrected: (typed, query) => `No article holds «${typed}»; results for «${query}»`,
      unquoted: (query) => `No article holds the quoted phrase; results for its words: «${query}»`,
      didYouMean: ["Did you mean: ", "?"],
      count: (n, digits) => `${digits} ${n === 1 ? "result" : "results"}`,
      sources: (n, digits) => `${digits} ${n === 1 ? "source" : "sources"}`,
    },
  };
  const CSS = `:host{all:initial;display:block}
.w{font:16px/1.6 var(--ans-font,"Noto Naskh Arabic",Tahoma,sans-serif);color:var(--ans-fg,#1b1b1b);background:var(--ans-bg,#fff);text-align:start}
*{box-sizing:border-box}a{color:var(--ans-accent,#0b4f8a)}mark{background:var(--ans-mark,#ffe07a);color:inherit}
form{display:flex;gap:.4rem;position:relative;flex-wrap:wrap}label{flex-basis:100%;font-weight:700}
input{flex:1;min-width:0;font:inherit;padding:.35rem .5rem;border:1px solid var(--ans-border,#6b6b6b);border-radius:6px;color:inherit;background:inherit}
button{font:inherit;border:0;border-radius:6px;padding:.35rem 1rem;background:var(--ans-accent,#0b4f8a);color:var(--ans-on-accent,#fff);cursor:pointer}
:focus-visible,[aria-selected=true]{outline:3px solid var(--ans-focus,#b8400b);outline-offset:1px}
[role=listbox]{position:absolute;top:100%;inset-inline:0;z-index:9;list-style:none;margin:0;padding:0;background:var(--ans-bg,#fff);border:1px solid var(--ans-border,#6b6b6b)}
[role=option]{padding:.3rem .6rem;cursor:pointer}ol{list-style:none;margin:.5rem 0 0;padding:0}
li.hit{padding:.4rem 0;border-bottom:1px solid var(--ans-border,#d0d0d0)}small{display:block;color:var(--ans-muted,#4a4a4a)}
.snippet{font-size:.9em}button.link{background:none;color:var(--ans-accent,#0b4f8a);padding:0;text-decoration:underline}
h2{font-size:1.1rem;margin:.8rem 0 .3rem}p{margin:.3rem 0}`;
  // Elasticsearch's highlighter escapes with named and numeric (&#x27; &#x2F;) entities.
  const entities = { amp: "&", lt: "<", gt: ">", quot: '"' };
  const decode = (text) =>
    text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot);/gi, (_, name) =>
      name[0] === "#"
        ? String.fromCodePoint(Math.min(Number(`0${name.slice(1)}`), 0xfffd))
        : entities[name.toLowerCase()],
    );

  /** Element builder: props become properties or attributes, children are nodes or text. */
  const h = (tag, props, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key in node && key !== "role") node[key] = value;
      else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  };
  /** An API highlight (escaped text with <mark>) as nodes. */
  const marked = (highlighted) =>
    highlighted
      .split(/<mark>(.*?)<\/mark>/)
      .map((part, i) => (i % 2 ? h("mark", {}, decode(part)) : decode(part)));

  class Base extends HTMLElement {
    connectedCallback() {
      if (this.root) return;
      this.root = this.attachShadow({ mode: "open" });
      // The widget's own lang, else the host page's: an English page gets English labels, left to right.
      const asked = this.getAttribute("lang") || this.closest("[lang]")?.getAttribute("lang") || "ar";
      const lang = asked.toLowerCase().startsWith("en") ? "en" : "ar";
      this.t = LABELS[lang];
      this.dates = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "ar-EG", { dateStyle: "medium" });
      this.numbers = new Intl.NumberFormat(lang === "en" ? "en-GB" : "ar-EG");
      this.api = (this.getAttribute("api") || "").replace(/\/+$/, "");
      this.size = Math.min(Math.max(Number.parseInt(this.getAttribute("size"), 10) || 5, 1), 20);
      if (window.CSSStyleSheet && this.root.adoptedStyleSheets) {
        // A constructed sheet is not inline style, so a strict host CSP cannot block it.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        this.root.adoptedStyleSheets = [sheet];
      } else this.root.append(h("style", {}, CSS));
      // The page's inherited styles stop here: this wrapper sets its own font and colours.
      this.box = h("div", { className: "w", dir: lang === "en" ? "ltr" : "rtl", lang });
      this.root.append(this.box);
      this.start();
    }
    async get(path) {
      let response;
      try {
        response = await fetch(this.api + path, { headers: { Accept: "application/json" } });
      } catch (error) {
        // The browser hides why (down, or this origin refused); the publisher's console says both.
        console.warn(
          `arabic-news widget: no answer from ${this.api}. Either the API is down, or it does not allow ${location.origin}: add it to CORS_ORIGINS on the API server (unset, any site may read).`,
        );
        throw error;
      }
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    }
    /** The reader page's search for a query: the widget's `page` attribute, else the API's own. */
    searchPage(query) {
      const page = this.getAttribute("page") || `${this.api}/`;
      return query ? `${page}?q=${encodeURIComponent(query)}` : page;
    }
    articleLink(id) {
      return `${this.api}/articles/${encodeURIComponent(id)}`;
    }
    /** When the API cannot answer: a plain link to the search page instead. */
    fallback(where, query) {
      const link = h("a", { href: this.searchPage(query), className: "fallback" }, this.t.down);
      where.replaceChildren(h("p", { role: "status" }, link));
    }
    /** Article titles are Arabic whatever the labels' language: each lays itself out (dir=auto). */
    hits(hits, snippets = false) {
      const title = (hit) => (hit.highlights?.title?.[0] ? marked(hit.highlights.title[0]) : [hit.title]);
      return h(
        "ol",
        { "aria-label": this.t.results },
        ...hits.map((hit) =>
          h(
            "li",
            { className: "hit" },
            h("a", { href: this.articleLink(hit.id), dir: "auto" }, ...title(hit)),
            ...(snippets && hit.snippet
              ? [h("p", { className: "snippet", dir: "auto" }, ...marked(hit.snippet))]
              : []),
            h(
              "small",
              {},
              `${hit.source} · ${this.dates.format(new Date(hit.published_at))}`,
              // Copies collapsed behind it: "N sources", linking to every version of the story.
              ...(hit.copies > 0
                ? [
                    " · ",
                    h(
                      "a",
                      { href: `${this.api}/stories/${encodeURIComponent(hit.story)}`, className: "sources" },
                      this.t.sources(hit.sources, this.numbers.format(hit.sources)),
                    ),
                  ]
                : []),
            ),
          ),
        ),
      );
    }
  }

  customElements.get("arabic-news-related") ||
    customElements.define(
      "arabic-news-related",
      class extends Base {
        async start() {
          const id = this.getAttribute("article-id") || "";
          const url = this.getAttribute("article-url") || "";
          const heading = h("h2", {}, this.t.related);
          this.box.append(h("section", { "aria-label": this.t.related }, heading));
          try {
            const { hits } = await this.get(
              id
                ? `/api/articles/${encodeURIComponent(id)}/related?size=${this.size}`
                : `/api/related?url=${encodeURIComponent(url)}&size=${this.size}`,
            );
            heading.after(hits.length ? this.hits(hits) : h("p", {}, this.t.none));
          } catch {
            this.fallback(this.box);
          }
        }
      },
    );

  customElements.get("arabic-news-search") ||
    customElements.define(
      "arabic-news-search",
      class extends Base {
        start() {
          const id = `ans-${Math.random().toString(36).slice(2, 8)}`;
          this.input = h("input", {
            id,
            type: "search",
            role: "combobox",
            autocomplete: "off",
            "aria-autocomplete": "list",
            "aria-expanded": "false",
            "aria-controls": `${id}-list`,
          });
          this.list = h("ul", { id: `${id}-list`, role: "listbox", hidden: true });
          this.out = h("div", { "aria-live": "polite" });
          this.turn = 0;
          const form = h(
            "form",
            { role: "search" },
            h("label", { htmlFor: id }, this.t.search),
            this.input,
            h("button", { type: "submit" }, this.t.go),
            this.list,
          );
          form.addEventListener("submit", (event) => {
            event.preventDefault();
            this.search();
          });
          this.input.addEventListener("input", () => {
            clearTimeout(this.timer);
            this.timer = setTimeout(() => this.suggest(), 150);
          });
          this.input.addEventListener("keydown", (event) => this.key(event));
          this.input.addEventListener("blur", () => setTimeout(() => this.show([]), 150));
          this.box.append(form, this.out);
        }
        // Each search takes a turn: an answer that comes back after a newer search started, or a
        // suggestion asked for before it, is dropped instead of replacing what the reader asked for.
        async search() {
          // A space typed after the last word says it is finished: the API reads it whole, as the page does.
          const query = this.input.value.trimStart();
          const turn = ++this.turn;
          clearTimeout(this.timer);
          this.show([]);
          if (!query.trim()) return;
          this.out.setAttribute("aria-busy", "true");
          this.out.replaceChildren(h("p", { className: "loading" }, this.t.loading));
          try {
            const result = await this.get(`/api/search?size=${this.size}&q=${encodeURIComponent(query)}`);
            if (turn !== this.turn) return;
            const count = result.total.value;
            this.out.replaceChildren(
              h("p", {}, result.hits.length ? this.t.count(count, this.numbers.format(count)) : this.t.none),
              ...this.notices(result, query),
              this.hits(result.hits, true),
              ...(result.hits.length
                ? [h("p", {}, h("a", { href: this.searchPage(query), className: "all" }, this.t.all))]
                : []),
            );
          } catch {
            if (turn === this.turn) this.fallback(this.out, query);
          } finally {
            if (turn === this.turn) this.out.setAttribute("aria-busy", "false");
          }
        }
        /** What the results are for, when not the query as typed (`query`), and a correction worth a click. */
        notices(result, query) {
          const line = (className, text) => h("p", { className, dir: "auto" }, text);
          const [before, after] = this.t.didYouMean;
          const corrected = h("button", { type: "button", className: "link" }, result.suggestion || "");
          corrected.addEventListener("click", () => {
            // Finished as the reader finished the query (a space or punctuation after its last word).
            this.input.value = /[\p{L}\p{N}\p{M}]$/u.test(query)
              ? result.suggestion
              : `${result.suggestion} `;
            this.search();
          });
          return [
            ...(result.arabic_keys_query
              ? [line("arabic-keys", this.t.arabicKeys(result.arabic_keys_query))]
              : []),
            ...(result.arabic_name_query
              ? [line("arabic-name", this.t.arabicName(result.arabic_name_query))]
              : []),
            ...(result.corrected_query
              ? [line("corrected", this.t.corrected(query, result.corrected_query))]
              : []),
            ...(result.unquoted_query ? [line("unquoted", this.t.unquoted(result.unquoted_query))] : []),
            ...(result.suggestion ? [h("p", { className: "did-you-mean" }, before, corrected, after)] : []),
          ];
        }
        async suggest() {
          // As search(): a space after the last word finishes it, and the suggestions hold it whole.
          const query = this.input.value.trimStart();
          const turn = this.turn;
          if (query.trim().length < 2) return this.show([]);
          const suggestions = await this.get(`/api/suggest?size=6&q=${encodeURIComponent(query)}`).then(
            (answer) => answer.suggestions,
            () => [],
          );
          if (turn === this.turn && query === this.input.value.trimStart()) this.show(suggestions);
        }
        show(suggestions) {
          this.active = -1;
          this.items = suggestions.map((suggestion, i) => {
            const item = h("li", { role: "option", id: `${this.list.id}-${i}`, "aria-selected": "false" });
            item.append(...marked(suggestion.highlighted));
            item.addEventListener("mousedown", (event) => {
              event.preventDefault();
              this.pick(suggestion);
            });
            item.suggestion = suggestion;
            return item;
          });
          this.list.replaceChildren(...this.items);
          this.list.hidden = !this.items.length;
          this.input.setAttribute("aria-expanded", String(!this.list.hidden));
          this.input.removeAttribute("aria-activedescendant");
        }
        /** A suggestion is a title the reader recognised: open that article. */
        pick(suggestion) {
          this.show([]);
          window.location.assign(this.articleLink(suggestion.id));
        }
        key(event) {
          const count = this.items?.length;
          if (event.key === "ArrowDown" && count) this.move((this.active + 1) % count);
          else if (event.key === "ArrowUp" && count) this.move((this.active - 1 + count) % count);
          else if (event.key === "Escape" && count) this.show([]);
          else if (event.key === "Enter" && this.active >= 0) this.pick(this.items[this.active].suggestion);
          else return;
          event.preventDefault();
        }
        move(index) {
          this.active = index;
          for (const [i, item] of this.items.entries())
            item.setAttribute("aria-selected", String(i === index));
          this.input.setAttribute("aria-activedescendant", this.items[index].id);
        }
      },
    );
})();
