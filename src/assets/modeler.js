// The syzba modeler: the text form on the left, the diagram on the right, redrawn as the
// person types; findings, paths and the action table below; files under the server's root.
// Talks to `syzba serve` only (no other site): /api/config, /api/keywords, /api/model,
// /api/files, /api/file, /render, /layout.
(function () {
  'use strict';

  // --- UI strings -------------------------------------------------------------------------------
  const STRINGS = {
    kk: {
      appTitle: 'syzba · процесс редакторы',
      files: 'Файлдар', save: 'Сақтау', saveHint: 'Сақтау (Ctrl+S)',
      download: 'Жүктеп алу:', dlText: 'Мәтінді жүктеп алу (.syzba)', dlBpmn: 'BPMN файлын жүктеп алу',
      dlSvg: 'SVG суретін жүктеп алу', dlPdf: 'PDF құжатын жүктеп алу', dlPng: 'PNG суретін жүктеп алу',
      fit: 'Терезеге сыйғызу', zoomIn: 'Үлкейту (+)', zoomOut: 'Кішірейту (−)', fitKey: 'Терезеге сыйғызу (0)',
      language: 'Тіл', close: 'Жабу',
      editor: 'Модель мәтіні', keysHint: 'Ctrl+Space — толықтыру · Tab — шегініс · Esc, Tab — редактордан шығу',
      completions: 'Толықтыру нұсқалары',
      diagram: 'Диаграмма', emptyDiagram: 'Модельді сол жақта жазыңыз: диаграмма осында пайда болады.',
      diagramAria: 'Диаграмма: тышқан дөңгелегі — масштаб, сүйреу — жылжыту, екі рет басу — терезеге сыйғызу',
      stale: 'мәтінде қате бар — соңғы дұрыс диаграмма көрсетілген',
      drawing: 'сызылуда…', offline: 'серверге қосылу мүмкін болмады',
      findings: 'Тексеру нәтижесі', noFindings: 'Ескертулер жоқ',
      counts: 'қате: {1}, ескерту: {2}, ақпарат: {3}',
      error: 'қате', warning: 'ескерту', info: 'ақпарат', lineCol: '{1}-жол, {2}-баған',
      paths: 'Жолдар және мерзім', noPaths: 'Жолдар әлі жоқ.',
      term: 'Мемлекеттік қызмет көрсету мерзімі', noTerm: 'көрсетілмеген',
      critical: 'Сындарлы жол', exceeds: 'мерзімнен асады', withinTerm: 'мерзімге сыяды',
      result: 'нәтиже', refusal: 'бас тарту', untimed: 'ұзақтығы көрсетілмеген қадам: {1}',
      steps: 'қадам: {1}', truncated: 'Жолдар тым көп: тек біразы көрсетілген.',
      table: 'Іс-қимылдар кестесі', noTable: 'Кесте әлі жоқ.',
      draft: 'Жаңа модель', modified: 'өзгертілді', saved: 'сақталды', savedAs: '{1} ретінде сақталады',
      fromBpmn: 'BPMN файлынан: {1}',
      notExpressed: 'Мәтіндік пішін мыналарды бере алмайды: {1}',
      changedOnDisk: '«{1}» файлы ашылғаннан кейін дискіде өзгертілген. Бәрібір қайта жазу керек пе?',
      exists: '«{1}» файлы бұрыннан бар. Оны қайта жазу керек пе?',
      discard: 'Сақталмаған өзгерістер жоғалады. Жалғастыру керек пе?',
      savePrompt: 'Түбір қалтадағы файл атауы (.syzba):',
      saveFailed: 'Сақтау мүмкін болмады: {1}', openFailed: 'Файлды ашу мүмкін болмады: {1}',
      downloadFailed: 'Жүктеп алу мүмкін болмады: {1}', noFiles: 'Қалтада модель жоқ.',
      placeholder: 'Мысалы:\nпроцесс p: Өтінішті қарау\n  бөлімше office: Кеңсе\n  басталуы s: Өтініш\n    орындаушы: office\n    келесі: a1\n  әрекет a1: Құжаттарды қабылдау\n    орындаушы: office\n    ұзақтығы: 15 минут\n    келесі: e\n  аяқталуы e: Нәтиже берілді\n    орындаушы: office',
      version: 'syzba {1}',
    },
    ru: {
      appTitle: 'syzba · редактор процессов',
      files: 'Файлы', save: 'Сохранить', saveHint: 'Сохранить (Ctrl+S)',
      download: 'Скачать:', dlText: 'Скачать текст (.syzba)', dlBpmn: 'Скачать файл BPMN',
      dlSvg: 'Скачать рисунок SVG', dlPdf: 'Скачать документ PDF', dlPng: 'Скачать рисунок PNG',
      fit: 'Вписать в окно', zoomIn: 'Увеличить (+)', zoomOut: 'Уменьшить (−)', fitKey: 'Вписать в окно (0)',
      language: 'Язык', close: 'Закрыть',
      editor: 'Текст модели', keysHint: 'Ctrl+Space — дополнение · Tab — отступ · Esc, Tab — выйти из редактора',
      completions: 'Варианты дополнения',
      diagram: 'Диаграмма', emptyDiagram: 'Напишите модель слева: здесь появится диаграмма.',
      diagramAria: 'Диаграмма: колесо мыши — масштаб, перетаскивание — сдвиг, двойной щелчок — вписать в окно',
      stale: 'в тексте есть ошибки — показана последняя верная диаграмма',
      drawing: 'рисуется…', offline: 'не удалось связаться с сервером',
      findings: 'Результат проверки', noFindings: 'Замечаний нет',
      counts: 'ошибок: {1}, предупреждений: {2}, сведений: {3}',
      error: 'ошибка', warning: 'предупреждение', info: 'сведение', lineCol: 'строка {1}, столбец {2}',
      paths: 'Пути и срок', noPaths: 'Путей пока нет.',
      term: 'Срок оказания государственной услуги', noTerm: 'не указан',
      critical: 'Критический путь', exceeds: 'превышает срок', withinTerm: 'укладывается в срок',
      result: 'результат', refusal: 'отказ', untimed: 'шагов без длительности: {1}',
      steps: 'шагов: {1}', truncated: 'Путей слишком много: показана часть.',
      table: 'Таблица действий', noTable: 'Таблицы пока нет.',
      draft: 'Новая модель', modified: 'изменено', saved: 'сохранено', savedAs: 'будет сохранено как {1}',
      fromBpmn: 'из файла BPMN: {1}',
      notExpressed: 'Текстовая форма не может передать: {1}',
      changedOnDisk: 'Файл «{1}» изменился на диске после открытия. Всё равно перезаписать?',
      exists: 'Файл «{1}» уже существует. Перезаписать его?',
      discard: 'Несохранённые изменения будут потеряны. Продолжить?',
      savePrompt: 'Имя файла в корневой папке (.syzba):',
      saveFailed: 'Не удалось сохранить: {1}', openFailed: 'Не удалось открыть файл: {1}',
      downloadFailed: 'Не удалось скачать: {1}', noFiles: 'В папке нет моделей.',
      placeholder: 'Например:\nпроцесс p: Рассмотрение заявления\n  подразделение office: Канцелярия\n  начало s: Заявление\n    исполнитель: office\n    далее: a1\n  действие a1: Приём документов\n    исполнитель: office\n    длительность: 15 минут\n    далее: e\n  завершение e: Результат выдан\n    исполнитель: office',
      version: 'syzba {1}',
    },
    en: {
      appTitle: 'syzba · process modeler',
      files: 'Files', save: 'Save', saveHint: 'Save (Ctrl+S)',
      download: 'Download:', dlText: 'Download the text (.syzba)', dlBpmn: 'Download the BPMN file',
      dlSvg: 'Download the SVG picture', dlPdf: 'Download the PDF document', dlPng: 'Download the PNG picture',
      fit: 'Fit to window', zoomIn: 'Zoom in (+)', zoomOut: 'Zoom out (−)', fitKey: 'Fit to window (0)',
      language: 'Language', close: 'Close',
      editor: 'Model text', keysHint: 'Ctrl+Space: complete · Tab: indent · Esc, Tab: leave the editor',
      completions: 'Completions',
      diagram: 'Diagram', emptyDiagram: 'Write the model on the left: the diagram appears here.',
      diagramAria: 'Diagram: wheel zooms, dragging pans, a double click fits it to the window',
      stale: 'the text has errors — the last good diagram is shown',
      drawing: 'drawing…', offline: 'could not reach the server',
      findings: 'Findings', noFindings: 'No findings',
      counts: 'errors: {1}, warnings: {2}, info: {3}',
      error: 'error', warning: 'warning', info: 'info', lineCol: 'line {1}, column {2}',
      paths: 'Paths and term', noPaths: 'No paths yet.',
      term: 'Service term', noTerm: 'not stated',
      critical: 'Critical path', exceeds: 'exceeds the term', withinTerm: 'within the term',
      result: 'result', refusal: 'refusal', untimed: 'steps without duration: {1}',
      steps: 'steps: {1}', truncated: 'Too many paths: only some are shown.',
      table: 'Action table', noTable: 'No table yet.',
      draft: 'New model', modified: 'modified', saved: 'saved', savedAs: 'saves as {1}',
      fromBpmn: 'from BPMN: {1}',
      notExpressed: 'The text form cannot carry: {1}',
      changedOnDisk: 'The file {1} changed on disk since it was opened. Overwrite it anyway?',
      exists: 'The file {1} already exists. Overwrite it?',
      discard: 'Unsaved changes will be lost. Continue?',
      savePrompt: 'File name under the root folder (.syzba):',
      saveFailed: 'Saving failed: {1}', openFailed: 'Opening the file failed: {1}',
      downloadFailed: 'Download failed: {1}', noFiles: 'No models in the folder.',
      placeholder: 'For example:\nprocess p: Review an application\n  unit office: Office\n  start s: Application\n    by: office\n    next: a1\n  action a1: Accept the documents\n    by: office\n    duration: 15 minutes\n    next: e\n  end e: Result given\n    by: office',
      version: 'syzba {1}',
    },
  };
  const LANGS = ['kk', 'ru', 'en'];

  // --- state ----------------------------------------------------------------------------------
  const state = {
    lang: 'kk',
    root: false,
    path: null,          // the file the text was opened from
    kind: null,          // syzba | bpmn
    savePath: null,      // where Ctrl-S writes (a .bpmn saves beside itself as .syzba)
    saveVersion: null,   // the version the server gave, or 'new'
    savedText: null,     // the text as last opened or saved (null: never saved)
    notExpressed: [],
    elements: {},
    byLine: new Map(),
    diagnostics: [],
    paths: [],
    table: null,
    stale: false,
    drawError: '',
    modelText: null,     // the text the shown diagram was drawn from
    offline: false,
    files: [],
  };
  const live = { seq: 0, applied: 0, inFlight: false, pending: false, timer: 0, lastInputAt: 0, debounce: 150 };
  const stats = { requests: 0, lastRoundTrip: 0, lastLatency: 0, drawn: 0 };

  const $ = (id) => document.getElementById(id);
  const t = (key, ...args) => {
    const s = (STRINGS[state.lang] || STRINGS.en)[key] ?? STRINGS.en[key] ?? key;
    return s.replace(/\{(\d)\}/g, (_, n) => String(args[n - 1] ?? ''));
  };
  const make = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  let editor, viewer;

  // --- language -------------------------------------------------------------------------------
  function applyStrings() {
    document.documentElement.lang = state.lang;
    for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
    for (const e of document.querySelectorAll('[data-i18n-title]')) e.title = t(e.dataset.i18nTitle);
    for (const e of document.querySelectorAll('[data-i18n-label]')) { e.setAttribute('aria-label', t(e.dataset.i18nLabel)); e.title = t(e.dataset.i18nLabel); }
    $('lang').value = state.lang;
    editor.setLabels({ editor: t('editor'), completions: t('completions'), placeholder: t('placeholder') });
    editor.setLanguage(state.lang);
    viewer.setLabels({ fit: t('fitKey'), zoomIn: t('zoomIn'), zoomOut: t('zoomOut'), diagram: t('diagramAria') });
    renderFindings();
    renderPaths();
    renderTable();
    renderFiles();
    renderFileState();
    renderDiagramState();
    if (state.notExpressed.length) showNotice(t('notExpressed', state.notExpressed.join('; ')));
  }

  // --- notices --------------------------------------------------------------------------------
  function showNotice(text, isError) {
    $('notice-text').textContent = text;
    $('notice').classList.toggle('error', !!isError);
    $('notice').hidden = false;
  }
  function hideNotice() { $('notice').hidden = true; }

  // --- the live model -------------------------------------------------------------------------
  // On input: wait a little (longer when the server is slow), then POST the text; one request
  // at a time, the newest text goes next; an answer older than the one shown is dropped.
  function scheduleModel() {
    live.lastInputAt = performance.now();
    clearTimeout(live.timer);
    live.timer = setTimeout(sendModel, live.debounce);
  }

  async function sendModel() {
    clearTimeout(live.timer);
    if (live.inFlight) { live.pending = true; return; }
    const text = editor.value;
    if (!text.trim()) { clearModel(); return; }
    const seq = ++live.seq;
    const inputAt = live.lastInputAt;
    live.inFlight = true;
    const slow = setTimeout(() => { if (live.inFlight) renderDiagramState(true); }, 300);  // say so only when it takes long
    const started = performance.now();
    try {
      const r = await fetch(`/api/model?lang=${encodeURIComponent(state.lang)}`, {
        method: 'POST', body: text, headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
      const data = await r.json();
      stats.requests += 1;
      stats.lastRoundTrip = performance.now() - started;
      // A fast server needs no long pause: wait about twice its answer time, 20 to 150 ms.
      live.debounce = Math.round(Math.min(150, Math.max(20, 2 * stats.lastRoundTrip)));
      state.offline = false;
      if (seq > live.applied) {
        live.applied = seq;
        if (data.ok) state.modelText = text;
        const applyStarted = performance.now();
        applyModel(data, inputAt);
        stats.lastApplyMs = performance.now() - applyStarted;
      }
    } catch (err) {
      state.offline = true;
      renderDiagramState();
    } finally {
      clearTimeout(slow);
      live.inFlight = false;
      if (live.pending) { live.pending = false; sendModel(); } else renderDiagramState();
    }
  }

  function clearModel() {
    state.diagnostics = [];
    editor.setMarks([]);
    renderFindings();
  }

  function applyModel(data, inputAt) {
    state.diagnostics = Array.isArray(data.diagnostics) ? data.diagnostics : [];
    editor.setMarks(state.diagnostics);
    if (data.ok && typeof data.svg === 'string' && data.svg) {
      const empty = $('diagram').querySelector('.empty');
      if (empty) empty.remove();
      viewer.setSvg(data.svg);
      state.elements = data.elements || {};
      indexElements();
      state.paths = Array.isArray(data.paths) ? data.paths : [];
      state.table = typeof data.table === 'string' ? data.table : null;
      state.stale = false;
      if (data.title) document.title = `${data.title} — syzba`;
      renderPaths();
      renderTable();
      stats.drawn += 1;
      stats.lastDrawnAt = performance.now();
      stats.lastLatency = stats.lastDrawnAt - inputAt;
    } else {
      state.stale = !!viewer.svg || !data.ok;
    }
    state.drawError = data.ok && !data.svg && data.drawError ? String(data.drawError) : '';
    renderFindings();
    renderDiagramState();
    highlightCaret(editor.caretLine);
    document.dispatchEvent(new CustomEvent('syzba:model', { detail: { ok: !!data.ok, latency: stats.lastLatency } }));
  }

  function indexElements() {
    state.byLine = new Map();
    for (const [id, e] of Object.entries(state.elements)) {
      if (!(e && e.line > 0)) continue;
      const list = state.byLine.get(e.line) || [];
      list.push(id);
      state.byLine.set(e.line, list);
    }
  }

  function renderDiagramState(drawing) {
    const s = $('diagram-state');
    s.classList.toggle('stale', state.stale || state.offline);
    $('diagram').classList.toggle('stale', state.stale);
    s.textContent = state.offline ? t('offline') : state.drawError ? state.drawError : state.stale ? t('stale') : drawing ? t('drawing') : '';
  }

  // --- both ways: text and diagram ---------------------------------------------------------------
  // The elements written in the innermost block that holds a line.
  function elementsAtLine(line) {
    for (const l of editor.enclosing(line)) {
      const ids = state.byLine.get(l);
      if (ids) return ids;
    }
    return [];
  }

  function highlightCaret(line) {
    if (!viewer.svg) return;
    viewer.highlight(line > 0 ? elementsAtLine(line) : [], { reveal: true });
  }

  function onShapeClick(id) {
    const e = state.elements[id];
    viewer.highlight([id], { reveal: false });
    if (e && e.line > 0) editor.selectBlock(e.line);
  }

  // Dragging a step into another lane rewrites its performer line: the text stays the source.
  const MOVABLE = /^(task|\w+Task|callActivity|subProcess|transaction|adHocSubProcess|startEvent|endEvent|intermediate\w*Event|\w+Gateway)$/;
  function canMove(id, type) {
    return MOVABLE.test(type) && !!(state.elements[id] && state.elements[id].line > 0) && !state.stale && editor.value === state.modelText;
  }

  function onShapeDrop(id, type, centre) {
    if (!canMove(id, type)) return;
    const lane = viewer.elementsAt(centre).find((e) => e.type === 'lane');
    const step = state.elements[id];
    const unit = lane && state.elements[lane.id];
    if (!unit || !(unit.line > 0)) return;
    // Only a unit of the same pool or process: its line is in the block the step is in.
    const top = editor.enclosing(step.line).pop();
    if (!(unit.line > top && unit.line <= editor.blockEnd(top))) return;
    setPerformer(step.line, lane.id);
  }

  function setPerformer(line, unitId) {
    const infos = editor.lineInfos();
    const lines = editor.value.split('\n');
    const statement = infos[line - 1];
    const end = editor.blockEnd(line);
    let childIndent = null;
    for (let l = line + 1; l <= end; ++l) {
      const info = infos[l - 1];
      if (!info || info.kind === 'blank' || info.kind === 'comment' || info.kind === 'continuation') continue;
      if (childIndent === null) childIndent = info.indent;
      if (info.indent !== childIndent || info.kind !== 'property' || info.meaning !== 'by') continue;
      const colon = lines[l - 1].indexOf(':', info.keywordEnd);
      const from = editor.offsetOfLine(l) + (colon < 0 ? info.keywordEnd : colon + 1);
      const to = editor.offsetOfLine(l) + lines[l - 1].length;
      const text = colon < 0 ? `: ${unitId}` : ` ${unitId}`;
      if (lines[l - 1].slice(from - editor.offsetOfLine(l)).trim() === unitId) return;
      editor.replace(from, to, text);
      return;
    }
    const indent = ' '.repeat(childIndent === null ? statement.indent + 2 : childIndent);
    const at = editor.offsetOfLine(line) + lines[line - 1].length;
    editor.replace(at, at, `\n${indent}${editor.spelling('by', statement.lang)}: ${unitId}`);
  }

  function gotoFinding(d) {
    if (d.line > 0) editor.gotoLine(d.line, d.column);
    const ids = [d.element, ...(Array.isArray(d.path) ? d.path : [])].filter(Boolean);
    const fromLine = !ids.length && d.line > 0 ? elementsAtLine(d.line) : [];
    viewer.highlight(ids.length ? ids : fromLine, { reveal: true });
  }

  // --- panels ---------------------------------------------------------------------------------
  function renderFindings() {
    const list = $('findings');
    list.replaceChildren();
    const counts = { error: 0, warning: 0, info: 0 };
    for (const d of state.diagnostics) counts[d.severity] = (counts[d.severity] || 0) + 1;
    $('findings-count').textContent = state.diagnostics.length ? t('counts', counts.error, counts.warning, counts.info) : '';
    if (!state.diagnostics.length) { list.appendChild(make('li', 'none', editor.value.trim() ? t('noFindings') : '')); return; }
    const order = { error: 0, warning: 1, info: 2 };
    const sorted = [...state.diagnostics].sort((a, b) => (order[a.severity] ?? 3) - (order[b.severity] ?? 3) || (a.line || 0) - (b.line || 0));
    for (const d of sorted) {
      const li = make('li', d.severity);
      const b = make('button');
      b.type = 'button';
      b.appendChild(make('span', 'sev', t(d.severity) || d.severity));
      if (d.line > 0) b.appendChild(make('span', 'where', `${d.line}:${d.column || 1} `));
      b.appendChild(make('span', 'message', d.message || ''));
      if (d.rule) b.appendChild(make('span', 'rule', `[${d.rule}]`));
      if (d.line > 0) b.title = t('lineCol', d.line, d.column || 1);
      b.addEventListener('click', () => gotoFinding(d));
      li.appendChild(b);
      list.appendChild(li);
    }
  }

  function nameOf(id) {
    const e = state.elements[id];
    return e && e.name ? e.name : id;
  }

  function renderPaths() {
    const box = $('paths');
    box.replaceChildren();
    if (!state.paths.length) { box.appendChild(make('p', 'none', t('noPaths'))); return; }
    for (const proc of state.paths) {
      box.appendChild(make('h3', '', proc.name || proc.process || ''));
      box.appendChild(make('p', 'term', `${t('term')}: ${proc.term && proc.term.text ? proc.term.text : t('noTerm')}`));
      const crit = (proc.paths || []).find((p) => p.critical);
      if (crit) {
        const p = make('p', 'critical', `${t('critical')}: ${crit.total ? crit.total.text : ''}`);
        if (proc.term) p.appendChild(make('span', crit.exceedsTerm ? 'badge over' : 'badge', crit.exceedsTerm ? t('exceeds') : t('withinTerm')));
        box.appendChild(p);
      }
      const ol = make('ol');
      for (const path of proc.paths || []) {
        const li = make('li');
        const b = make('button', path.critical ? 'critical' : '');
        b.type = 'button';
        b.appendChild(make('span', '', `${path.outcome === 'refusal' ? t('refusal') : t('result')} · ${path.total ? path.total.text : ''}`));
        if (path.critical) b.appendChild(make('span', 'badge crit', t('critical')));
        if (path.exceedsTerm) b.appendChild(make('span', 'badge over', t('exceeds')));
        if (path.untimed && path.untimed.length) b.appendChild(make('span', 'badge', t('untimed', path.untimed.length)));
        b.appendChild(make('span', 'steps', (path.steps || []).map(nameOf).join(' → ')));
        b.addEventListener('click', () => viewer.highlight(path.steps || [], { reveal: true }));
        li.appendChild(b);
        ol.appendChild(li);
      }
      box.appendChild(ol);
      if (proc.truncated) box.appendChild(make('p', 'term', t('truncated')));
    }
  }

  function renderTable() {
    const box = $('table');
    // The server's table (escaped by it): only its <table> elements are taken, nothing that runs.
    const tables = [];
    if (state.table) {
      const doc = new DOMParser().parseFromString(state.table, 'text/html');
      for (const e of doc.querySelectorAll('script, style, link, iframe, object, embed')) e.remove();
      for (const e of doc.querySelectorAll('*'))
        for (const a of Array.from(e.attributes)) if (/^on/i.test(a.name) || a.name === 'id') e.removeAttribute(a.name);
      for (const table of doc.querySelectorAll('table')) tables.push(document.importNode(table, true));
    }
    if (tables.length) box.replaceChildren(...tables);
    else box.replaceChildren(make('p', 'none', t('noTable')));
  }

  // --- files ----------------------------------------------------------------------------------
  const dirty = () => state.savedText === null ? editor.value.trim() !== '' : editor.value !== state.savedText;

  function renderFileState() {
    const s = $('file-state');
    const name = state.savePath || t('draft');
    let text = name;
    if (state.kind === 'bpmn' && state.saveVersion === 'new') text = `${t('fromBpmn', state.path)} · ${t('savedAs', state.savePath)}`;
    const isDirty = dirty();
    if (state.savePath || isDirty) text += ` · ${isDirty ? t('modified') : t('saved')}`;
    s.textContent = text;
    s.classList.toggle('modified', isDirty);
    s.classList.toggle('saved', !isDirty && !!state.savePath);
  }

  async function loadFiles() {
    let r;
    try { r = await fetch('/api/files'); } catch (_) { return; }
    if (r.status !== 200) { state.files = []; $('files').hidden = true; $('files-toggle').hidden = true; return; }
    const data = await r.json();
    state.files = Array.isArray(data.files) ? data.files : [];
    state.root = true;
    $('files-toggle').hidden = false;
    if ($('files-toggle').getAttribute('aria-expanded') === 'true') $('files').hidden = false;
    renderFiles();
  }

  function renderFiles() {
    const list = $('file-list');
    list.replaceChildren();
    if (!state.files.length) { list.appendChild(make('li', 'none', t('noFiles'))); return; }
    for (const f of state.files) {
      const li = make('li');
      const b = make('button');
      b.type = 'button';
      b.dataset.path = f.path;
      b.appendChild(make('span', '', f.path));
      b.appendChild(make('span', 'kind', f.kind === 'bpmn' ? 'BPMN' : ''));
      if (f.path === state.path) b.setAttribute('aria-current', 'true');
      b.addEventListener('click', () => openFile(f.path));
      li.appendChild(b);
      list.appendChild(li);
    }
  }

  async function openFile(path) {
    if (dirty() && !confirm(t('discard'))) return;
    let r, data;
    try {
      r = await fetch(`/api/file?path=${encodeURIComponent(path)}`);
      data = await r.json();
    } catch (err) { showNotice(t('openFailed', String(err)), true); return; }
    if (!r.ok) { showNotice(t('openFailed', data.error || r.status), true); return; }
    state.path = data.path || path;
    state.kind = data.kind || (/\.bpmn$/i.test(path) ? 'bpmn' : 'syzba');
    if (state.kind === 'bpmn') {
      state.savePath = state.path.replace(/\.bpmn$/i, '') + '.syzba';
      state.saveVersion = 'new';
      state.savedText = null;
    } else {
      state.savePath = state.path;
      state.saveVersion = data.version;
      state.savedText = data.text || '';
    }
    state.notExpressed = Array.isArray(data.notExpressed) ? data.notExpressed : [];
    if (state.notExpressed.length) showNotice(t('notExpressed', state.notExpressed.join('; ')));
    else hideNotice();
    editor.setValue(data.text || '');
    if (state.kind === 'bpmn') state.savedText = null;
    viewer.clear();
    state.elements = {};
    state.byLine = new Map();
    state.paths = [];
    state.table = null;
    renderPaths();
    renderTable();
    renderFiles();
    renderFileState();
    live.lastInputAt = performance.now();
    sendModel();
  }

  async function put(path, version, force) {
    const q = `path=${encodeURIComponent(path)}&version=${encodeURIComponent(version)}${force ? '&force=1' : ''}`;
    return fetch(`/api/file?${q}`, { method: 'PUT', body: editor.value, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }

  async function save() {
    if (!state.root) { download('text'); return; }
    let path = state.savePath;
    let version = state.saveVersion;
    if (!path) {
      path = prompt(t('savePrompt'), `${baseName()}.syzba`);
      if (!path) return;
      if (!/\.syzba$/i.test(path)) path += '.syzba';
      version = 'new';
    }
    const text = editor.value;
    try {
      let r = await put(path, version, false);
      if (r.status === 409) {
        if (!confirm(version === 'new' ? t('exists', path) : t('changedOnDisk', path))) return;
        r = await put(path, version, true);
      }
      const data = await r.json().catch(() => ({}));
      if (!r.ok) { showNotice(t('saveFailed', data.error || r.status), true); return; }
      state.path = path;
      state.kind = 'syzba';
      state.savePath = path;
      state.saveVersion = data.version;
      state.savedText = text;
      renderFileState();
      loadFiles();
    } catch (err) {
      showNotice(t('saveFailed', String(err)), true);
    }
  }

  // --- downloads ------------------------------------------------------------------------------
  function baseName() {
    if (state.savePath) return state.savePath.split('/').pop().replace(/\.(syzba|bpmn)$/i, '');
    const m = /^id:\s*(\S+)/m.exec(editor.value);
    const name = m ? m[1] : 'model';
    return name.replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'model';
  }

  function offer(blob, name) {
    const a = make('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 30000);
  }

  async function download(kind) {
    const name = baseName();
    const text = editor.value;
    if (kind === 'text') { offer(new Blob([text], { type: 'text/plain;charset=utf-8' }), `${name}.syzba`); return; }
    const lang = encodeURIComponent(state.lang);
    const url = kind === 'bpmn' ? `/layout?lang=${lang}` : `/render?format=${kind}&lang=${lang}&legend=auto`;
    try {
      const r = await fetch(url, { method: 'POST', body: text, headers: { 'content-type': 'text/plain; charset=utf-8' } });
      if (!r.ok) {
        const data = await r.json().catch(() => ({}));
        const first = Array.isArray(data.diagnostics) && data.diagnostics[0];
        showNotice(t('downloadFailed', [data.error || r.status, first ? `${first.line}:${first.column} ${first.message}` : ''].filter(Boolean).join(' — ')), true);
        return;
      }
      const types = { bpmn: 'application/xml', svg: 'image/svg+xml', pdf: 'application/pdf', png: 'image/png' };
      offer(new Blob([await r.arrayBuffer()], { type: types[kind] }), `${name}.${kind}`);
    } catch (err) {
      showNotice(t('downloadFailed', String(err)), true);
    }
  }

  // --- start ----------------------------------------------------------------------------------
  async function getJson(url) {
    try { const r = await fetch(url); return r.ok ? await r.json() : null; } catch (_) { return null; }
  }

  async function start() {
    editor = SyzbaEditor.create($('editor'), {
      id: 'source',
      onChange: () => {
        renderFileState();
        scheduleModel();
        if (!state.savePath) try { localStorage.setItem('syzba.draft', editor.value); } catch (_) { /* private mode */ }
      },
      onCaretLine: (line) => highlightCaret(line),
    });
    viewer = SyzbaViewer.attach($('diagram'), { canMove });
    viewer.onElementClick(onShapeClick);
    viewer.onElementDrop(onShapeDrop);

    const [config, keywords] = await Promise.all([getJson('/api/config'), getJson('/api/keywords')]);
    let stored = null;
    try { stored = localStorage.getItem('syzba.lang'); } catch (_) { /* private mode */ }
    state.lang = LANGS.includes(stored) ? stored : config && LANGS.includes(config.lang) ? config.lang : 'kk';
    if (config && config.version) $('version').textContent = t('version', config.version);
    if (Array.isArray(keywords)) editor.setKeywords(keywords);
    applyStrings();

    $('lang').addEventListener('change', () => {
      state.lang = $('lang').value;
      try { localStorage.setItem('syzba.lang', state.lang); } catch (_) { /* private mode */ }
      applyStrings();
      sendModel();
    });
    $('save').addEventListener('click', save);
    $('fit').addEventListener('click', () => viewer.fit());
    $('notice-close').addEventListener('click', hideNotice);
    $('files-toggle').addEventListener('click', () => {
      const open = $('files-toggle').getAttribute('aria-expanded') !== 'true';
      $('files-toggle').setAttribute('aria-expanded', String(open));
      $('files').hidden = !open;
    });
    for (const b of document.querySelectorAll('[data-download]')) b.addEventListener('click', () => download(b.dataset.download));
    document.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.code === 'KeyS' || e.key.toLowerCase() === 's')) { e.preventDefault(); save(); }
    });
    window.addEventListener('beforeunload', (e) => { if (dirty() && state.savePath) { e.preventDefault(); e.returnValue = ''; } });

    if (config && config.root) await loadFiles();
    let draft = null;
    try { draft = localStorage.getItem('syzba.draft'); } catch (_) { /* private mode */ }
    if (draft) { editor.setValue(draft); renderFileState(); sendModel(); }
    document.body.dataset.ready = 'true';
  }

  window.SyzbaModeler = { stats, state, get editor() { return editor; }, get viewer() { return viewer; } };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
