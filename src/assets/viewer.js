// SyzbaViewer: pan, zoom and fit for an inline <svg> drawn by syzba, in any container.
// Self-contained (no other file needed): the modeler uses it, and so can the published pages.
//
//   const viewer = SyzbaViewer.attach(container, { labels: { fit, zoomIn, zoomOut } });
//   viewer.setSvg(svgText);          // the first drawing is fitted; later ones keep zoom and pan
//   viewer.fit();                    // the whole diagram in the container
//   viewer.highlight(['a1', 'c1']);  // marks the shapes with these data-element-id values
//   viewer.onElementClick((id, type, event) => { ... });
//   SyzbaViewer.attach(container, { canMove: (id, type) => bool }).onElementDrop((id, type, centre) => { ... });
//
// Wheel zooms about the pointer, dragging pans, a double click fits. With the container
// focused: + and - zoom, 0 fits, the arrows pan.
(function (global) {
  'use strict';

  const MIN_SCALE = 0.05;
  const MAX_SCALE = 8;
  const STEP = 1.25;
  const PAN = 60;
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const STYLE = `
.syzba-viewer{position:relative;overflow:hidden;touch-action:none;cursor:grab;outline:none;background:#fff}
.syzba-viewer:focus-visible{box-shadow:inset 0 0 0 3px #1c7ed6}
.syzba-viewer.syzba-dragging{cursor:grabbing}
.syzba-viewer-stage{position:absolute;left:0;top:0;transform-origin:0 0;will-change:transform}
.syzba-viewer-stage>svg{display:block}
.syzba-viewer [data-element-id]{cursor:pointer}
.syzba-viewer.syzba-dragging [data-element-id][transform]{opacity:.75;cursor:grabbing}
.syzba-viewer .syzba-highlight :is(rect,circle,ellipse,path,polygon,polyline,line):not([fill="none"][stroke="none"]){stroke:#e8590c!important;stroke-width:3.5px!important}
.syzba-viewer .syzba-highlight[data-element-type="lane"] :is(rect,path),.syzba-viewer .syzba-highlight[data-element-type="participant"] :is(rect,path){stroke-width:4px!important}
.syzba-viewer-tools{position:absolute;right:8px;bottom:8px;display:flex;gap:4px;z-index:2}
.syzba-viewer-tools button{min-width:2.2em;height:2.2em;font:inherit;font-size:15px;border:1px solid #868e96;border-radius:4px;background:#fff;color:#212529;cursor:pointer}
.syzba-viewer-tools button:hover{background:#f1f3f5}
.syzba-viewer-tools button:focus-visible{outline:3px solid #1c7ed6;outline-offset:1px}
`;

  function addStyleOnce() {
    if (document.getElementById('syzba-viewer-style')) return;
    const style = document.createElement('style');
    style.id = 'syzba-viewer-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }

  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }

  // The drawing's own size: its width and height, else its viewBox.
  function naturalSize(svg) {
    const w = parseFloat(svg.getAttribute('width'));
    const h = parseFloat(svg.getAttribute('height'));
    if (w > 0 && h > 0) return { w, h };
    const vb = (svg.getAttribute('viewBox') || '').split(/[\s,]+/).map(Number);
    if (vb.length === 4 && vb[2] > 0 && vb[3] > 0) return { w: vb[2], h: vb[3] };
    return { w: 800, h: 600 };
  }

  function parseSvg(text) {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    if (!root || root.namespaceURI !== SVG_NS || root.localName !== 'svg' || doc.getElementsByTagName('parsererror').length) return null;
    // Nothing of a drawing runs: no scripts, no event handler attributes.
    for (const s of Array.from(root.getElementsByTagNameNS(SVG_NS, 'script'))) s.remove();
    for (const el of Array.from(root.getElementsByTagName('*')).concat([root]))
      for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) el.removeAttribute(a.name);
    return document.importNode(root, true);
  }

  function attach(container, options) {
    options = options || {};
    addStyleOnce();
    container.classList.add('syzba-viewer');
    if (!container.hasAttribute('tabindex')) container.tabIndex = 0;

    const stage = document.createElement('div');
    stage.className = 'syzba-viewer-stage';
    container.appendChild(stage);

    const tools = document.createElement('div');
    tools.className = 'syzba-viewer-tools';
    const button = (text, action) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = text;
      b.addEventListener('click', (e) => { e.stopPropagation(); action(); });
      b.addEventListener('pointerdown', (e) => e.stopPropagation());
      b.addEventListener('dblclick', (e) => e.stopPropagation());
      tools.appendChild(b);
      return b;
    };
    const zoomOutButton = button('\u2212', () => zoomAtCentre(1 / STEP));
    const zoomInButton = button('+', () => zoomAtCentre(STEP));
    const fitButton = button('\u2922', () => fit());
    container.appendChild(tools);

    let svg = null;
    let size = { w: 0, h: 0 };
    let scale = 1, x = 0, y = 0;
    let highlighted = [];
    let highlightIds = [];
    const clickHandlers = [];

    let fitted = false;      // the view is as fit() left it: a resize fits again
    let fitPending = false;  // fit() came while the container had no size
    function apply() {
      stage.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    }

    function fit() {
      if (!svg) return;
      const cw = container.clientWidth, ch = container.clientHeight;
      fitPending = !cw || !ch;
      if (fitPending) return;
      const pad = 16;
      scale = clamp(Math.min((cw - 2 * pad) / size.w, (ch - 2 * pad) / size.h), MIN_SCALE, 2);
      x = (cw - size.w * scale) / 2;
      y = (ch - size.h * scale) / 2;
      apply();
      fitted = true;
    }

    // Zoom by a factor keeping the point (px, py) of the container where it is.
    function zoomAt(factor, px, py) {
      const next = clamp(scale * factor, MIN_SCALE, MAX_SCALE);
      const k = next / scale;
      x = px - (px - x) * k;
      y = py - (py - y) * k;
      scale = next;
      fitted = false;
      apply();
    }
    function zoomAtCentre(factor) { zoomAt(factor, container.clientWidth / 2, container.clientHeight / 2); }
    function panBy(dx, dy) { x += dx; y += dy; fitted = false; apply(); }

    function setSvg(text) {
      const node = parseSvg(text);
      if (!node) return false;
      const first = !svg;
      stage.replaceChildren(node);
      svg = node;
      size = naturalSize(node);
      node.setAttribute('width', size.w);
      node.setAttribute('height', size.h);
      node.removeAttribute('tabindex');
      if (first) fit(); else apply();
      highlight(highlightIds, { reveal: false });
      return true;
    }

    function clear() {
      stage.replaceChildren();
      svg = null;
      highlighted = [];
    }

    function find(id) {
      if (!svg) return null;
      return svg.querySelector(`[data-element-id="${CSS.escape(id)}"]`);
    }

    // Keep a shape in view: centre it when it lies outside the container.
    function reveal(el) {
      const box = el.getBoundingClientRect();
      const view = container.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return;
      const inside = box.left >= view.left && box.right <= view.right && box.top >= view.top && box.bottom <= view.bottom;
      if (inside) return;
      panBy(view.left + view.width / 2 - (box.left + box.width / 2), view.top + view.height / 2 - (box.top + box.height / 2));
    }

    function highlight(ids, opts) {
      opts = opts || {};
      for (const el of highlighted) el.classList.remove('syzba-highlight');
      highlighted = [];
      highlightIds = (ids || []).filter(Boolean);
      for (const id of highlightIds) {
        const el = find(id);
        if (el) { el.classList.add('syzba-highlight'); highlighted.push(el); }
      }
      if (opts.reveal !== false && highlighted.length) reveal(highlighted[0]);
      return highlighted.length;
    }

    // Dragging pans, or moves a shape that options.canMove(id, type) allows (the drop is
    // reported with the shape's new centre, in the drawing's units, and the shape goes back:
    // whoever listens redraws); a press that did not move is a click on what is under it.
    let drag = null;
    let moved = false;
    const dropHandlers = [];
    container.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      const target = e.target instanceof Element ? e.target.closest('[data-element-id]') : null;
      const movable = target && stage.contains(target) && options.canMove &&
        options.canMove(target.getAttribute('data-element-id'), target.getAttribute('data-element-type') || '');
      drag = { id: e.pointerId, sx: e.clientX, sy: e.clientY, x, y, shape: movable ? target : null };
      moved = false;
    });
    container.addEventListener('pointermove', (e) => {
      if (!drag || e.pointerId !== drag.id) return;
      const dx = e.clientX - drag.sx, dy = e.clientY - drag.sy;
      if (!moved && Math.hypot(dx, dy) < 4) return;
      if (!moved) {
        moved = true;
        container.classList.add('syzba-dragging');
        try { container.setPointerCapture(e.pointerId); } catch (_) { /* released already */ }
      }
      if (drag.shape) {
        drag.shape.setAttribute('transform', `translate(${dx / scale} ${dy / scale})`);
        return;
      }
      x = drag.x + dx;
      y = drag.y + dy;
      fitted = false;
      apply();
    });
    const endDrag = (e, cancelled) => {
      if (!drag || e.pointerId !== drag.id) return;
      const shape = drag.shape;
      const dx = (e.clientX - drag.sx) / scale, dy = (e.clientY - drag.sy) / scale;
      drag = null;
      container.classList.remove('syzba-dragging');
      if (!shape) return;
      shape.removeAttribute('transform');
      if (!moved || cancelled) return;
      const box = shape.getBBox();
      const centre = { x: box.x + box.width / 2 + dx, y: box.y + box.height / 2 + dy };
      const id = shape.getAttribute('data-element-id');
      const type = shape.getAttribute('data-element-type') || '';
      for (const cb of dropHandlers) cb(id, type, centre, e);
    };
    container.addEventListener('pointerup', (e) => endDrag(e, false));
    container.addEventListener('pointercancel', (e) => endDrag(e, true));

    // The shapes whose boxes hold a point of the drawing, smallest first.
    function elementsAt(point) {
      if (!svg) return [];
      const out = [];
      for (const g of svg.querySelectorAll('[data-element-id]')) {
        let b;
        try { b = g.getBBox(); } catch (_) { continue; }
        if (point.x >= b.x && point.x <= b.x + b.width && point.y >= b.y && point.y <= b.y + b.height)
          out.push({ id: g.getAttribute('data-element-id'), type: g.getAttribute('data-element-type') || '', area: b.width * b.height });
      }
      return out.sort((a, b) => a.area - b.area);
    }
    container.addEventListener('click', (e) => {
      if (moved) { moved = false; return; }
      const target = e.target instanceof Element ? e.target.closest('[data-element-id]') : null;
      if (!target || !stage.contains(target)) return;
      const id = target.getAttribute('data-element-id');
      const type = target.getAttribute('data-element-type') || '';
      for (const cb of clickHandlers) cb(id, type, e);
    });
    container.addEventListener('dblclick', (e) => { e.preventDefault(); fit(); });
    container.addEventListener('wheel', (e) => {
      if (!svg) return;
      e.preventDefault();
      const r = container.getBoundingClientRect();
      const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
      zoomAt(Math.exp(-clamp(delta, -300, 300) * 0.0015), e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
    container.addEventListener('keydown', (e) => {
      if (e.target !== container || e.ctrlKey || e.metaKey || e.altKey) return;
      const keys = {
        '+': () => zoomAtCentre(STEP), '=': () => zoomAtCentre(STEP), '-': () => zoomAtCentre(1 / STEP),
        '_': () => zoomAtCentre(1 / STEP), '0': () => fit(),
        ArrowLeft: () => panBy(PAN, 0), ArrowRight: () => panBy(-PAN, 0),
        ArrowUp: () => panBy(0, PAN), ArrowDown: () => panBy(0, -PAN),
      };
      const action = keys[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    });

    if (typeof ResizeObserver === 'function')
      new ResizeObserver(() => { if (fitted || fitPending) fit(); }).observe(container);

    function setLabels(labels) {
      labels = labels || {};
      const label = (b, text) => { b.setAttribute('aria-label', text); b.title = text; };
      label(fitButton, labels.fit || 'Fit to window (0)');
      label(zoomInButton, labels.zoomIn || 'Zoom in (+)');
      label(zoomOutButton, labels.zoomOut || 'Zoom out (\u2212)');
      if (labels.diagram) container.setAttribute('aria-label', labels.diagram);
    }
    setLabels(options.labels);

    if (options.svg) setSvg(options.svg);
    else {
      const inline = container.querySelector(':scope > svg');
      if (inline) { inline.remove(); stage.appendChild(inline); svg = inline; size = naturalSize(inline); fit(); }
    }

    return {
      fit, setSvg, clear, highlight, setLabels,
      zoomIn: () => zoomAtCentre(STEP),
      zoomOut: () => zoomAtCentre(1 / STEP),
      onElementClick(cb) { clickHandlers.push(cb); },
      onElementDrop(cb) { dropHandlers.push(cb); },
      elementsAt,
      get svg() { return svg; },
      get transform() { return { scale, x, y }; },
    };
  }

  global.SyzbaViewer = { attach };
})(typeof window !== 'undefined' ? window : this);
