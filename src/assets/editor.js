// SyzbaEditor: a <textarea> for the .syzba text form with a highlighted layer behind it,
// line numbers with the findings' marks, and completion of keywords and ids.
//
//   const ed = SyzbaEditor.create(host, { onChange, onCaretLine, labels });
//   ed.setKeywords(list)      // GET /api/keywords: [{meaning, kind, lang, spelling}]
//   ed.setMarks([{line, severity, message}])
//   ed.selectBlock(line)      // the line and the lines indented under it
//   ed.gotoLine(line, column)
//
// A line is `KEYWORD [ID][: VALUE]` (docs/text-form.md); lines starting with # are comments;
// a line indented under a header or property line goes on with its value.
(function (global) {
  'use strict';

  // Properties whose value names steps, units, documents.
  const STEP_REFS = new Set(['next', 'yes', 'no', 'default', 'attached to']);
  const UNIT_REFS = new Set(['by']);
  const DATA_REFS = new Set(['output']);
  const NUMBER_VALUES = new Set(['duration', 'term']);
  const NODE_STATEMENTS = new Set(['start', 'end', 'refusal', 'action', 'condition', 'gateway', 'event', 'subprocess']);
  const DATA_STATEMENTS = new Set(['document', 'store']);
  const CONTAINERS = new Set(['pool', 'process']);
  const MAX_ITEMS = 12;

  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
  function indentOf(line) { return line.length - line.trimStart().length; }

  function create(host, options) {
    options = options || {};
    const labels = Object.assign({ editor: 'Model text', completions: 'Completions' }, options.labels || {});

    host.classList.add('ed');
    host.replaceChildren();
    const gutter = el('div', 'ed-gutter');
    gutter.setAttribute('aria-hidden', 'true');
    const gutterInner = el('div', 'ed-gutter-inner');
    gutter.appendChild(gutterInner);
    const main = el('div', 'ed-main');
    const layer = el('div', 'ed-layer');
    layer.setAttribute('aria-hidden', 'true');
    const layerInner = el('div', 'ed-layer-inner');
    layer.appendChild(layerInner);
    const area = document.createElement('textarea');
    area.className = 'ed-text';
    area.spellcheck = false;
    area.wrap = 'off';
    area.setAttribute('autocapitalize', 'off');
    area.setAttribute('autocomplete', 'off');
    area.setAttribute('autocorrect', 'off');
    area.setAttribute('aria-autocomplete', 'list');
    area.setAttribute('aria-multiline', 'true');
    if (options.id) area.id = options.id;
    const popup = el('ul', 'ed-complete');
    popup.id = (options.id || 'ed') + '-completions';
    popup.setAttribute('role', 'listbox');
    popup.hidden = true;
    area.setAttribute('aria-controls', popup.id);
    main.append(layer, area, popup);
    host.append(gutter, main);

    let keywordRegex = null;      // the keyword at the start of a line, longest spelling first
    let keywordBySpelling = new Map();
    let spellings = [];           // [{spelling, meaning, kind, lang}]
    let preferredLang = 'kk';
    let marks = new Map();        // line -> {severity, messages[]}
    let renderedLines = [];       // the text of each line in the layer
    let lineNodes = [];           // the layer's line elements
    let gutterNodes = [];
    let caretLine = 0;
    let blockLines = null;        // [from, to] of the selected element's block
    let tabLeaves = false;        // after Esc, Tab leaves the textarea
    let completion = null;        // {items, index, from, to}

    function el(tag, cls) { const e = document.createElement(tag); if (cls) e.className = cls; return e; }

    // --- keywords -------------------------------------------------------------------------
    function setKeywords(list) {
      spellings = [];
      keywordBySpelling = new Map();
      for (const k of list || []) {
        const key = k.spelling.toLowerCase();
        if (!keywordBySpelling.has(key)) keywordBySpelling.set(key, k);
        spellings.push(k);
      }
      const sorted = [...keywordBySpelling.keys()].sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length);
      keywordRegex = sorted.length
        ? new RegExp('^(?:' + sorted.map((s) => s.split(' ').map(escapeRegExp).join('[ \\t]+')).join('|') + ')(?=[ \\t:]|$)', 'iu')
        : null;
      refresh(true);
    }

    function keywordAt(text) {
      if (!keywordRegex) return null;
      const m = keywordRegex.exec(text);
      if (!m) return null;
      const k = keywordBySpelling.get(m[0].toLowerCase().replace(/[ \t]+/g, ' '));
      return k ? { length: m[0].length, meaning: k.meaning, kind: k.kind, lang: k.lang } : null;
    }

    // --- lines: what each one is ------------------------------------------------------------
    // For each line: {indent, kind: blank|comment|continuation|statement|header|property|unknown,
    // meaning, keywordEnd, id, idStart}. A line indented under a header or property goes on with its value.
    function classify(lines) {
      const out = new Array(lines.length);
      let valueIndent = -1;  // the indentation of the header/property line whose value may go on
      let valueMeaning = '';
      for (let i = 0; i < lines.length; ++i) {
        const line = lines[i];
        const trimmed = line.trim();
        const indent = indentOf(line);
        if (!trimmed) { out[i] = { kind: 'blank', indent }; continue; }
        if (valueIndent >= 0 && indent > valueIndent) { out[i] = { kind: 'continuation', indent, meaning: valueMeaning }; continue; }
        valueIndent = -1;
        if (trimmed.startsWith('#')) { out[i] = { kind: 'comment', indent }; continue; }
        const body = line.slice(indent);
        const k = keywordAt(body);
        if (!k) { out[i] = { kind: 'unknown', indent }; continue; }
        const info = { kind: k.kind, meaning: k.meaning, lang: k.lang, indent, keywordEnd: indent + k.length };
        if (k.kind === 'statement') {
          const colon = body.indexOf(':', k.length);
          const head = colon < 0 ? body.slice(k.length) : body.slice(k.length, colon);
          const m = /^[ \t]+(\S+)/.exec(head);
          if (m) { info.id = m[1]; info.idStart = indent + k.length + m[0].length - m[1].length; }
        } else {
          valueIndent = indent;
          valueMeaning = k.meaning;
        }
        out[i] = info;
      }
      return out;
    }

    // The ids the text defines, by what they are.
    function definedIds(lines, kinds) {
      const ids = { steps: [], units: [], data: [], pools: [], messages: [] };
      kinds.forEach((k, i) => {
        if (k.kind !== 'statement' || !k.id) return;
        if (NODE_STATEMENTS.has(k.meaning)) ids.steps.push(k.id);
        else if (k.meaning === 'lane') ids.units.push(k.id);
        else if (DATA_STATEMENTS.has(k.meaning)) ids.data.push(k.id);
        else if (k.meaning === 'pool') ids.pools.push(k.id);
        else if (k.meaning === 'message') ids.messages.push(k.id);
      });
      return ids;
    }

    // --- highlighting -----------------------------------------------------------------------
    function span(parent, cls, text) {
      if (!text) return;
      if (!cls) { parent.appendChild(document.createTextNode(text)); return; }
      const s = el('span', cls);
      s.textContent = text;
      parent.appendChild(s);
    }

    // A value: ids for the properties that name things, numbers in durations, escapes in labels.
    function value(parent, text, meaning, kind) {
      if (STEP_REFS.has(meaning) || UNIT_REFS.has(meaning) || DATA_REFS.has(meaning) || meaning === 'message') {
        const re = /("(?:[^"\\]|\\.)*"?)|(->|,)|([^\s,"]+)|(\s+)/gu;
        let m;
        while ((m = re.exec(text))) {
          if (m[1]) span(parent, 'tk-str', m[1]);
          else if (m[2]) span(parent, 'tk-punct', m[2]);
          else if (m[3]) span(parent, 'tk-ref', m[3]);
          else span(parent, null, m[4]);
        }
        return;
      }
      const re = NUMBER_VALUES.has(meaning) ? /(\d+(?:[.,]\d+)?)|(\\[ns"\\])/gu : /(\\[ns"\\])/gu;
      let last = 0, m;
      while ((m = re.exec(text))) {
        span(parent, null, text.slice(last, m.index));
        span(parent, m[1] && NUMBER_VALUES.has(meaning) ? 'tk-num' : 'tk-esc', m[0]);
        last = m.index + m[0].length;
      }
      span(parent, kind === 'continuation' ? 'tk-value' : null, text.slice(last));
    }

    function renderLine(node, line, info, kinds, i) {
      node.replaceChildren();
      if (info.kind === 'blank') { node.textContent = line; return; }
      if (info.kind === 'comment') { span(node, null, line.slice(0, info.indent)); span(node, 'tk-com', line.slice(info.indent)); return; }
      if (info.kind === 'continuation') { value(node, line, info.meaning, 'continuation'); return; }
      if (info.kind === 'unknown') { node.textContent = line; return; }
      span(node, null, line.slice(0, info.indent));
      span(node, info.kind === 'statement' ? 'tk-kw' : info.kind === 'header' ? 'tk-hdr' : 'tk-prop', line.slice(info.indent, info.keywordEnd));
      let rest = line.slice(info.keywordEnd);
      const colon = rest.indexOf(':');
      const head = colon < 0 ? rest : rest.slice(0, colon);
      if (info.kind === 'statement' && info.id) {
        const at = info.idStart - info.keywordEnd;
        span(node, null, head.slice(0, at));
        span(node, 'tk-id', head.slice(at, at + info.id.length));
        span(node, head.slice(at + info.id.length).trim() ? 'tk-bad' : null, head.slice(at + info.id.length));
      } else span(node, head.trim() ? 'tk-bad' : null, head);
      if (colon < 0) return;
      span(node, 'tk-punct', ':');
      value(node, rest.slice(colon + 1), info.kind === 'statement' && info.meaning !== 'message' ? '' : info.meaning, info.kind);
    }

    // Re-draws the lines that changed (common head and tail kept) and the gutter.
    let kindsCache = [];
    function refresh(all) {
      const lines = area.value.split('\n');
      const kinds = classify(lines);
      kindsCache = kinds;
      let start = 0;
      const oldN = renderedLines.length, newN = lines.length;
      if (!all) {
        while (start < oldN && start < newN && renderedLines[start] === lines[start] && sameKind(start, kinds)) ++start;
      }
      let endOld = oldN, endNew = newN;
      if (!all) {
        while (endOld > start && endNew > start && renderedLines[endOld - 1] === lines[endNew - 1] && sameKindAt(endOld - 1, endNew - 1, kinds)) { --endOld; --endNew; }
      }
      const fresh = [];
      for (let i = start; i < endNew; ++i) {
        const node = el('div', 'ed-line');
        renderLine(node, lines[i], kinds[i], kinds, i);
        fresh.push(node);
      }
      const removed = lineNodes.splice(start, endOld - start, ...fresh);
      for (const n of removed) n.remove();
      const before = lineNodes[start + fresh.length] || null;
      for (const n of fresh) layerInner.insertBefore(n, before);
      renderedLines = lines;
      lineKinds = kinds.map((k) => k.kind + (k.meaning || ''));
      updateGutter(newN);
      decorate();
      syncScroll();
    }
    let lineKinds = [];
    function sameKind(i, kinds) { return lineKinds[i] === kinds[i].kind + (kinds[i].meaning || ''); }
    function sameKindAt(iOld, iNew, kinds) { return lineKinds[iOld] === kinds[iNew].kind + (kinds[iNew].meaning || ''); }

    function updateGutter(n) {
      while (gutterNodes.length < n) {
        const g = el('div', 'ed-num');
        g.textContent = String(gutterNodes.length + 1);
        gutterInner.appendChild(g);
        gutterNodes.push(g);
      }
      while (gutterNodes.length > n) gutterNodes.pop().remove();
      gutter.style.setProperty('--digits', String(Math.max(2, String(n).length)));
    }

    // Marks, the caret's line and the selected block.
    function decorate() {
      gutterNodes.forEach((g, i) => {
        const m = marks.get(i + 1);
        g.classList.toggle('mark-error', !!m && m.severity === 'error');
        g.classList.toggle('mark-warning', !!m && m.severity === 'warning');
        g.classList.toggle('mark-info', !!m && m.severity === 'info');
        if (m) g.title = m.messages.join('\n'); else g.removeAttribute('title');
        g.classList.toggle('current', i + 1 === caretLine);
      });
      lineNodes.forEach((n, i) => {
        const m = marks.get(i + 1);
        n.classList.toggle('line-error', !!m && m.severity === 'error');
        n.classList.toggle('line-warning', !!m && m.severity === 'warning');
        n.classList.toggle('current', i + 1 === caretLine);
        n.classList.toggle('block', !!blockLines && i + 1 >= blockLines[0] && i + 1 <= blockLines[1]);
      });
    }

    const RANK = { error: 3, warning: 2, info: 1 };
    function setMarks(list) {
      marks = new Map();
      for (const d of list || []) {
        if (!(d.line > 0)) continue;
        const m = marks.get(d.line) || { severity: 'info', messages: [] };
        if ((RANK[d.severity] || 0) > (RANK[m.severity] || 0)) m.severity = d.severity;
        m.messages.push(d.message);
        marks.set(d.line, m);
      }
      decorate();
    }

    function syncScroll() {
      layerInner.style.transform = `translate(${-area.scrollLeft}px, ${-area.scrollTop}px)`;
      gutterInner.style.transform = `translateY(${-area.scrollTop}px)`;
    }

    // --- caret, lines and blocks ------------------------------------------------------------
    function offsetOfLine(line) {
      const text = area.value;
      let off = 0;
      for (let l = 1; l < line; ++l) {
        const nl = text.indexOf('\n', off);
        if (nl < 0) return text.length;
        off = nl + 1;
      }
      return off;
    }
    function lineOfOffset(off) {
      let line = 1;
      const text = area.value;
      for (let i = text.indexOf('\n'); i >= 0 && i < off; i = text.indexOf('\n', i + 1)) ++line;
      return line;
    }

    // The last line of the block a line opens: the lines indented deeper under it.
    function blockEnd(line) {
      const lines = area.value.split('\n');
      const base = indentOf(lines[line - 1] || '');
      let end = line;
      for (let i = line; i < lines.length; ++i) {
        if (!lines[i].trim()) continue;
        if (indentOf(lines[i]) <= base) break;
        end = i + 1;
      }
      return end;
    }

    // The lines that open blocks holding a line, innermost first.
    function enclosing(line) {
      const lines = area.value.split('\n');
      const out = [];
      let i = line - 1;
      while (i >= 0 && !lines[i].trim()) --i;
      if (i < 0) return out;
      out.push(i + 1);
      let indent = indentOf(lines[i]);
      for (let j = i - 1; j >= 0 && indent > 0; --j) {
        if (!lines[j].trim()) continue;
        const ind = indentOf(lines[j]);
        if (ind < indent) { out.push(j + 1); indent = ind; }
      }
      return out;
    }

    function revealLine(line) {
      const lh = lineHeight();
      const top = (line - 1) * lh;
      if (top < area.scrollTop || top + lh > area.scrollTop + area.clientHeight - lh)
        area.scrollTop = Math.max(0, top - area.clientHeight / 3);
      syncScroll();
    }

    function selectBlock(line) {
      const end = blockEnd(line);
      const from = offsetOfLine(line);
      const to = offsetOfLine(end) + (area.value.split('\n')[end - 1] || '').length;
      area.focus({ preventScroll: true });
      area.setSelectionRange(from, to, 'forward');
      blockLines = [line, end];
      revealLine(line);
      caretChanged(true);
    }

    function gotoLine(line, column) {
      const lineText = area.value.split('\n')[line - 1] || '';
      const col = column > 0 ? Math.min(column - 1, lineText.length) : indentOf(lineText);
      const off = offsetOfLine(line) + col;
      area.focus({ preventScroll: true });
      area.setSelectionRange(off, off);
      blockLines = null;
      revealLine(line);
      caretChanged(true);
    }

    let lastReported = -1;
    function caretChanged(keepBlock) {
      const line = lineOfOffset(area.selectionStart);
      if (!keepBlock && blockLines && (line < blockLines[0] || line > blockLines[1])) blockLines = null;
      if (line !== caretLine) { caretLine = line; decorate(); } else if (!keepBlock) decorate();
      if (line !== lastReported || keepBlock) {
        lastReported = line;
        if (options.onCaretLine && !keepBlock) options.onCaretLine(line);
      }
    }

    // --- editing helpers ----------------------------------------------------------------------
    // Replaces a range as typing would, so that undo keeps working.
    function replaceRange(from, to, text, selStart, selEnd) {
      area.focus({ preventScroll: true });
      area.setSelectionRange(from, to);
      let done = false;
      try { done = document.execCommand('insertText', false, text); } catch (_) { done = false; }
      if (!done || area.value.slice(from, from + text.length) !== text) {
        area.setRangeText(text, from, to, 'end');
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }
      if (selStart !== undefined) area.setSelectionRange(selStart, selEnd === undefined ? selStart : selEnd);
    }

    function indentSelection(outdent) {
      const text = area.value;
      const s = area.selectionStart, e = area.selectionEnd;
      const multi = text.slice(s, e).includes('\n');
      if (!multi && !outdent) { replaceRange(s, e, '  '); return; }
      const from = text.lastIndexOf('\n', s - 1) + 1;
      let to = e;
      if (e > s && text[e - 1] === '\n') to = e - 1;
      const nl = text.indexOf('\n', to);
      to = nl < 0 ? text.length : nl;
      const lines = text.slice(from, to).split('\n');
      let firstShift = 0, total = 0;
      const changed = lines.map((l, i) => {
        if (!outdent) { if (i === 0) firstShift = 2; total += 2; return '  ' + l; }
        const n = Math.min(2, indentOf(l));
        if (i === 0) firstShift = -n;
        total -= n;
        return l.slice(n);
      });
      const block = changed.join('\n');
      if (block === text.slice(from, to)) return;
      const ns = multi ? from : Math.max(from, s + firstShift);
      const ne = multi ? from + block.length : ns;
      replaceRange(from, to, block, ns, ne);
    }

    // --- completion ---------------------------------------------------------------------------
    function measureCaret(offset) {
      const text = area.value;
      const ls = text.lastIndexOf('\n', offset - 1) + 1;
      const line = lineOfOffset(offset);
      const cs = getComputedStyle(area);
      const ctx = (measureCaret.ctx = measureCaret.ctx || document.createElement('canvas').getContext('2d'));
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const w = ctx.measureText(text.slice(ls, offset).replace(/\t/g, '  ')).width;
      return {
        left: parseFloat(cs.paddingLeft) + w - area.scrollLeft,
        top: parseFloat(cs.paddingTop) + line * lineHeight() - area.scrollTop,
      };
    }

    function lineHeight() {
      const v = parseFloat(getComputedStyle(area).lineHeight);
      return v > 0 ? v : 20;
    }

    // What may be completed at the caret: a keyword at the start of a line, or an id in the
    // value of a property that names steps, units or documents (or in a message's ends).
    function contextAt(offset, explicit) {
      const text = area.value;
      const ls = text.lastIndexOf('\n', offset - 1) + 1;
      const before = text.slice(ls, offset);
      const indent = indentOf(before);
      const body = before.slice(indent);
      const lines = text.split('\n');
      const line = lineOfOffset(offset);
      const kinds = kindsCache.length === lines.length ? kindsCache : classify(lines);
      const here = kinds[line - 1];
      if (here && here.kind === 'continuation') return null;
      if (body.startsWith('#')) return null;
      const colon = body.indexOf(':');
      if (colon < 0) {
        // The head: keywords, unless a statement keyword and a space are already there (its id follows).
        const k = keywordAt(body);
        if (k && k.kind === 'statement' && body.length > k.length) return null;
        if (!explicit && !/\p{L}$/u.test(body)) return null;
        if (/\s$/.test(body) && !(k === null && body.trim())) { if (!explicit) return null; }
        return { type: 'keyword', from: ls + indent, to: offset, prefix: body, line, indent, kinds, lines };
      }
      const k = keywordAt(body);
      if (!k) return null;
      const meaning = k.meaning;
      const valueBefore = body.slice(colon + 1);
      const word = /[^\s,>:"]*$/u.exec(valueBefore)[0];
      if (!explicit && !word) return null;
      if (/"[^"]*$/.test(valueBefore.replace(/"(?:[^"\\]|\\.)*"/g, ''))) return null;  // inside a label
      let want = null;
      if (STEP_REFS.has(meaning)) want = 'steps';
      else if (UNIT_REFS.has(meaning)) want = 'units';
      else if (DATA_REFS.has(meaning)) want = 'data';
      else if (meaning === 'message' && k.kind === 'statement') want = 'ends';
      if (!want) return null;
      return { type: 'id', want, from: offset - word.length, to: offset, prefix: word, line, kinds, lines };
    }

    // The language most of the text's keywords are written in (spellings several languages
    // share, such as регламент, say nothing).
    function textLanguage(kinds, lines) {
      const count = {};
      kinds.forEach((k, i) => {
        if (k.kind !== 'statement' && k.kind !== 'property' && k.kind !== 'header') return;
        const word = lines[i].slice(k.indent, k.keywordEnd).toLowerCase().replace(/[ \t]+/g, ' ');
        const langs = new Set(spellings.filter((e) => e.spelling.toLowerCase() === word).map((e) => e.lang));
        if (langs.size === 1) { const [lang] = langs; count[lang] = (count[lang] || 0) + 1; }
      });
      let best = null;
      for (const [lang, n] of Object.entries(count)) if (!best || n > count[best]) best = lang;
      return best || preferredLang;
    }

    function parentKind(ctx) {
      const { lines, kinds, line, indent } = ctx;
      if (indent === 0) return null;
      for (let j = line - 2; j >= 0; --j) {
        if (kinds[j].kind === 'blank' || kinds[j].kind === 'comment' || kinds[j].kind === 'continuation') continue;
        if (indentOf(lines[j]) < indent) return kinds[j];
      }
      return null;
    }

    function candidates(ctx) {
      const prefix = ctx.prefix.toLowerCase().replace(/[ \t]+/g, ' ');
      if (ctx.type === 'id') {
        const ids = definedIds(ctx.lines, ctx.kinds);
        const pool = ctx.want === 'ends' ? ids.steps.concat(ids.pools) : ids[ctx.want];
        const seen = new Set();
        return pool.filter((id) => id.toLowerCase().startsWith(prefix) && id !== ctx.prefix && !seen.has(id) && seen.add(id))
          .slice(0, MAX_ITEMS).map((id) => ({ label: id, insert: id, detail: '' }));
      }
      const parent = parentKind(ctx);
      // Which kinds of keyword fit under the parent line (the parser says more precisely).
      let fits;
      if (!parent) fits = (k) => k.kind === 'header' || k.kind === 'statement';
      else if (parent.kind === 'statement' && CONTAINERS.has(parent.meaning)) fits = (k) => k.kind !== 'property' || k.meaning === 'process id';
      else if (parent.kind === 'statement' && parent.meaning === 'lane') fits = (k) => k.meaning === 'lane';
      else if (parent.kind === 'statement' && parent.meaning === 'subprocess') fits = (k) => k.kind !== 'header' || k.meaning === 'name';
      else if (parent.kind === 'statement' && parent.meaning === 'message') fits = (k) => k.kind === 'property' || k.meaning === 'name';
      else fits = (k) => k.kind === 'property';
      const seen = new Set();
      const out = [];
      // The language the text is written in comes first, then the UI's.
      const written = textLanguage(ctx.kinds, ctx.lines);
      const order = (k) => (k.lang === written ? 0 : k.lang === preferredLang ? 1 : 2);
      const list = spellings.filter((k) => fits(k) && k.spelling.toLowerCase().startsWith(prefix) && k.spelling.toLowerCase() !== prefix)
        .sort((a, b) => order(a) - order(b) || a.spelling.localeCompare(b.spelling));
      for (const k of list) {
        if (seen.has(k.spelling)) continue;
        seen.add(k.spelling);
        out.push({ label: k.spelling, insert: k.spelling + (k.kind === 'statement' ? ' ' : ': '), detail: k.meaning });
        if (out.length >= MAX_ITEMS) break;
      }
      return out;
    }

    function openCompletion(explicit) {
      const ctx = contextAt(area.selectionStart, explicit);
      if (!ctx || area.selectionStart !== area.selectionEnd) { closeCompletion(); return; }
      const items = candidates(ctx);
      if (!items.length) { closeCompletion(); return; }
      completion = { items, index: 0, from: ctx.from, to: ctx.to };
      popup.replaceChildren();
      popup.setAttribute('aria-label', labels.completions);
      items.forEach((item, i) => {
        const li = el('li', 'ed-item');
        li.id = `${popup.id}-${i}`;
        li.setAttribute('role', 'option');
        span(li, 'ed-item-label', item.label);
        if (item.detail) span(li, 'ed-item-detail', item.detail);
        li.addEventListener('mousedown', (e) => { e.preventDefault(); completion.index = i; accept(); });
        popup.appendChild(li);
      });
      const at = measureCaret(ctx.from);
      popup.hidden = false;
      // Below the line, or above it when the editor has no room below; never past its right edge.
      const room = main.clientHeight - at.top;
      const h = popup.offsetHeight, w = popup.offsetWidth;
      popup.style.top = `${room < h + 4 && at.top - lineHeight() > h ? at.top - lineHeight() - h - 2 : at.top + 2}px`;
      popup.style.left = `${Math.max(0, Math.min(at.left, main.clientWidth - w - 4))}px`;
      area.setAttribute('aria-expanded', 'true');
      choose(0);
    }

    function choose(i) {
      if (!completion) return;
      completion.index = (i + completion.items.length) % completion.items.length;
      Array.from(popup.children).forEach((li, j) => li.setAttribute('aria-selected', j === completion.index ? 'true' : 'false'));
      const active = popup.children[completion.index];
      area.setAttribute('aria-activedescendant', active.id);
      active.scrollIntoView({ block: 'nearest' });
    }

    function accept() {
      if (!completion) return;
      const item = completion.items[completion.index];
      const { from, to } = completion;
      closeCompletion();
      replaceRange(from, to, item.insert, from + item.insert.length);
    }

    function closeCompletion() {
      completion = null;
      popup.hidden = true;
      popup.replaceChildren();
      area.removeAttribute('aria-activedescendant');
      area.setAttribute('aria-expanded', 'false');
    }

    // --- events -------------------------------------------------------------------------------
    let typed = false;
    area.addEventListener('input', (e) => {
      refresh(false);
      caretChanged(false);
      if (options.onChange) options.onChange(area.value);
      if (typed && e.inputType && e.inputType.startsWith('insert') && e.inputType !== 'insertFromPaste') openCompletion(false);
      else if (completion) openCompletion(false);
      typed = false;
    });
    area.addEventListener('beforeinput', (e) => { typed = e.inputType === 'insertText'; });
    area.addEventListener('scroll', () => { syncScroll(); if (completion) closeCompletion(); });
    area.addEventListener('keydown', (e) => {
      if (completion) {
        if (e.key === 'ArrowDown') { e.preventDefault(); choose(completion.index + 1); return; }
        if (e.key === 'ArrowUp') { e.preventDefault(); choose(completion.index - 1); return; }
        if (e.key === 'Enter' || e.key === 'Tab') { e.preventDefault(); accept(); return; }
        if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closeCompletion(); return; }
        if (e.key === 'PageDown' || e.key === 'PageUp' || e.key === 'Home' || e.key === 'End') closeCompletion();
      }
      if (e.key === ' ' && e.ctrlKey) { e.preventDefault(); openCompletion(true); return; }
      if (e.key === 'Escape') { tabLeaves = true; return; }
      if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        if (tabLeaves) { tabLeaves = false; return; }  // the browser moves the focus on
        e.preventDefault();
        indentSelection(e.shiftKey);
        return;
      }
      if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
        // A new line keeps the indentation (one level deeper after a statement line).
        e.preventDefault();
        const text = area.value, s = area.selectionStart;
        const ls = text.lastIndexOf('\n', s - 1) + 1;
        const lineText = text.slice(ls, s);
        let indent = lineText.slice(0, indentOf(lineText));
        const k = keywordAt(lineText.slice(indent.length));
        if (k && k.kind === 'statement' && lineText.trim() && s === (text.indexOf('\n', s) < 0 ? text.length : text.indexOf('\n', s))) indent += '  ';
        replaceRange(s, area.selectionEnd, '\n' + indent, s + 1 + indent.length);
        return;
      }
      if (e.key !== 'Shift') tabLeaves = false;
    });
    area.addEventListener('blur', () => { tabLeaves = false; closeCompletion(); });
    for (const ev of ['keyup', 'mouseup', 'select', 'focus']) area.addEventListener(ev, () => caretChanged(false));
    document.addEventListener('selectionchange', () => { if (document.activeElement === area) caretChanged(false); });
    gutter.addEventListener('wheel', (e) => { area.scrollTop += e.deltaY; }, { passive: true });

    function setValue(text) {
      closeCompletion();
      area.value = text;
      blockLines = null;
      area.setSelectionRange(0, 0);
      area.scrollTop = 0;
      refresh(true);
      caretChanged(false);
    }

    function setLabels(l) {
      Object.assign(labels, l || {});
      area.setAttribute('aria-label', labels.editor);
      if (labels.placeholder !== undefined) area.placeholder = labels.placeholder;
    }
    setLabels();
    refresh(true);

    return {
      textarea: area,
      get value() { return area.value; },
      setValue, setKeywords, setMarks, selectBlock, gotoLine, blockEnd, enclosing, setLabels, focus: () => area.focus(),
      // What a line is (see classify), and edits that keep the undo history.
      lineInfo(line) { return classify(area.value.split('\n'))[line - 1] || null; },
      lineInfos() { return classify(area.value.split('\n')); },
      offsetOfLine,
      replace(from, to, text) { replaceRange(from, to, text, from + text.length); },
      spelling(meaning, lang) {
        const k = spellings.find((e) => e.meaning === meaning && e.lang === lang) || spellings.find((e) => e.meaning === meaning);
        return k ? k.spelling : meaning;
      },
      setLanguage(lang) { preferredLang = lang; },
      get caretLine() { return caretLine; },
      openCompletion: () => openCompletion(true),
    };
  }

  global.SyzbaEditor = { create };
})(window);
