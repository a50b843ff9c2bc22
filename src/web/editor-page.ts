/**
 * @module web/editor-page
 * The editor's view: paste a draft (title and body), get earlier coverage of the same story,
 * narrowed by date and source. A plain form POST, so it works without JavaScript; the draft is
 * echoed back into the form (escaped) so the editor can refine the filters.
 */
import { html } from "hono/html";
import type { RelatedResponse } from "../search/responses.js";
import { dateInputValue } from "./format.js";
import { type Markup, page } from "./layout.js";
import { hitList } from "./results.js";

export interface EditorForm {
  title: string;
  body: string;
  source: string;
  from?: string;
  to?: string;
}

export const emptyEditorForm: EditorForm = { title: "", body: "", source: "" };

export function editorPage(
  form: EditorForm,
  sources: string[],
  related: RelatedResponse | undefined,
  error?: string,
): Markup {
  const results = related
    ? html`<section class="related" aria-labelledby="editor-results" role="status">
<h2 id="editor-results">تغطية سابقة ذات صلة</h2>
${related.hits.length ? hitList(related.hits, "تغطية سابقة", 3) : html`<p class="empty">لم نجد تغطية سابقة لهذه المسودة.</p>`}
</section>`
    : "";
  return page({
    title: "مساعد المحرر",
    current: "editor",
    body: html`<h1>مساعد المحرر</h1>
<p>الصق مسودة خبرك لتجد ما نُشر سابقًا عن القصة نفسها.</p>
<form class="editor" action="/editor" method="post">
<label for="draft-title">العنوان</label>
<input id="draft-title" name="title" type="text" maxlength="1000" value="${form.title}">
<label for="draft-body">نص المسودة</label>
<textarea id="draft-body" name="body" rows="10" maxlength="100000">${form.body}</textarea>
<fieldset class="filters"><legend>تضييق النتائج</legend>
<label for="draft-source">المصدر</label>
<select id="draft-source" name="source">
<option value="">كل المصادر</option>
${sources.map((source) => html`<option value="${source}"${source === form.source ? " selected" : ""}>${source}</option>`)}
</select>
<span class="field"><label for="draft-from">من</label> <input id="draft-from" name="from" type="date" value="${dateInputValue(form.from)}"></span>
<span class="field"><label for="draft-to">إلى</label> <input id="draft-to" name="to" type="date" value="${dateInputValue(form.to)}"></span>
</fieldset>
<button type="submit">ابحث عن تغطية سابقة</button>
</form>
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
${results}`,
  });
}
