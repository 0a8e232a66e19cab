// Lays out each given BPMN file (its DI already removed) with ELK (elkjs, layered, left to right,
// orthogonal edges) and writes it with the resulting DI into OUT_DIR under the same name, so
// that syzba can measure it as it measures any drawing. A file it cannot lay out is reported
// and skipped. Usage: node elk.mjs OUT_DIR FILE...
//
// ELK has no swimlanes, so containers become hierarchical nodes laid out together
// (hierarchyHandling INCLUDE_CHILDREN): the collaboration's pools, each pool's lanes (nested
// lanes inside their lane), expanded sub-processes. ELK places these boxes as it places any
// node, so lanes are boxes in the flow, not bands across the pool. Boundary events are ports
// on the south side of their host. Sizes are bpmn-js's defaults. Labels get no DI bounds.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import ELK from 'elkjs/lib/elk.bundled.js';

const moddle = new BpmnModdle();
const elk = new ELK();
const layoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '50',
  'elk.spacing.nodeNode': '30',
  'elk.padding': '[top=30,left=50,bottom=30,right=30]', // left: room for the pool's/lane's title
  'elk.json.shapeCoords': 'ROOT', // every x and y absolute, as DI wants them
  'elk.json.edgeCoords': 'ROOT',
};

const is = (el, type) => el.$instanceOf(type);
function size(el) {
  if (is(el, 'bpmn:Event')) return [36, 36];
  if (is(el, 'bpmn:Gateway')) return [50, 50];
  if (is(el, 'bpmn:DataObjectReference') || is(el, 'bpmn:DataStoreReference')) return [36, 50];
  if (is(el, 'bpmn:TextAnnotation')) return [100, 30];
  if (is(el, 'bpmn:Participant')) return [400, 60]; // a black-box pool
  return [100, 80];
}
const expanded = (el) => is(el, 'bpmn:SubProcess') && (el.flowElements || []).length > 0;

// The ELK graph of one plane, and what each ELK id stands for.
function buildGraph(root, loose = []) {
  const graph = { id: '__root', layoutOptions, children: [], edges: [] };
  const byId = new Map([['__root', { elk: graph, parent: null }]]);
  const ports = new Map(); // boundary event id → host id
  const edges = [];
  const add = (el, parentId, compound) => {
    const [width, height] = size(el);
    const node = compound ? { id: el.id, children: [], layoutOptions: { 'elk.nodeSize.minimum': '(100, 80)' } }
      : { id: el.id, width, height };
    byId.get(parentId).elk.children.push(node);
    byId.set(el.id, { elk: node, parent: parentId, el });
    return node;
  };
  // Puts the lanes as nested nodes and returns flow node id → the deepest lane holding it.
  const addLanes = (laneSet, parentId, home) => {
    for (const lane of laneSet?.lanes || []) {
      add(lane, parentId, true);
      for (const ref of lane.flowNodeRef || []) home.set(ref.id, lane.id);
      addLanes(lane.childLaneSet, lane.id, home);
    }
    return home;
  };
  const addContents = (container, parentId, home) => {
    const items = [...(container.flowElements || []), ...(container.artifacts || [])];
    for (const el of items) {
      if (is(el, 'bpmn:SequenceFlow') || is(el, 'bpmn:Association')) { edges.push(el); continue; }
      if (is(el, 'bpmn:BoundaryEvent') || is(el, 'bpmn:Group')) continue; // ports, below; groups: no
      add(el, home.get(el.id) || parentId, expanded(el));
      if (expanded(el)) addContents(el, el.id, new Map());
      for (const a of [...(el.dataInputAssociations || []), ...(el.dataOutputAssociations || [])]) edges.push(a);
    }
    for (const el of items.filter((e) => is(e, 'bpmn:BoundaryEvent'))) {
      const host = byId.get(el.attachedToRef?.id);
      if (!host) continue;
      host.elk.ports ||= [];
      host.elk.layoutOptions = { ...host.elk.layoutOptions, 'elk.portConstraints': 'FIXED_SIDE' };
      // ELK keeps a compound's children clear of its border, not of ports reaching inside it.
      if (host.elk.children) host.elk.layoutOptions['elk.padding'] = '[top=30,left=50,bottom=50,right=30]';
      host.elk.ports.push({ id: el.id, width: 36, height: 36,
        layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.borderOffset': '-18' } });
      ports.set(el.id, host.elk.id);
      byId.set(el.id, { port: true, parent: byId.get(host.elk.id).parent, el, host: host.elk.id });
      for (const a of el.dataOutputAssociations || []) edges.push(a);
    }
  };
  if (is(root, 'bpmn:Collaboration')) {
    for (const p of root.participants || []) {
      add(p, '__root', !!p.processRef);
      if (p.processRef) addContents(p.processRef, p.id, addLanes(p.processRef.laneSets?.[0], p.id, new Map()));
    }
    for (const p of loose) addContents(p, '__root', addLanes(p.laneSets?.[0], '__root', new Map()));
    edges.push(...(root.messageFlows || []), ...(root.artifacts || []).filter((a) => is(a, 'bpmn:Association')));
    for (const a of (root.artifacts || []).filter((a) => !is(a, 'bpmn:Association') && !is(a, 'bpmn:Group'))) add(a, '__root', false);
  } else {
    addContents(root, '__root', addLanes(root.laneSets?.[0], '__root', new Map()));
  }
  // An edge goes into the lowest common ancestor of its ends (a port's node counts as its host).
  const ancestors = (id) => { const a = []; for (let n = byId.get(id); n; n = byId.get(n.parent)) a.push(n.parent); return a; };
  const ends = (e) => is(e, 'bpmn:DataInputAssociation') ? [e.sourceRef?.[0], e.$parent]
    : is(e, 'bpmn:DataOutputAssociation') ? [e.$parent, e.targetRef]
    : [e.sourceRef, e.targetRef];
  for (const e of edges) {
    const [s, t] = ends(e).map((x) => x?.id);
    if (!byId.has(s) || !byId.has(t) || s === t || !e.id) continue;
    const holder = (id) => byId.get(id).port ? byId.get(id).host : id;
    const up = ancestors(holder(t));
    const lca = ancestors(holder(s)).find((a) => a && up.includes(a)) || '__root';
    byId.get(lca).elk.edges ||= [];
    byId.get(lca).elk.edges.push({ id: '__e_' + e.id, sources: [s], targets: [t] });
    byId.set('__e_' + e.id, { el: e });
  }
  return { graph, byId };
}

// The DI of one laid-out plane.
function toDi(root, laid, byId) {
  const plane = moddle.create('bpmndi:BPMNPlane', { id: 'BPMNPlane_' + root.id, bpmnElement: root, planeElement: [] });
  const bounds = (n) => moddle.create('dc:Bounds', { x: n.x, y: n.y, width: n.width, height: n.height });
  const walk = (n) => {
    for (const c of n.children || []) {
      const el = byId.get(c.id).el;
      const attrs = { id: el.id + '_di', bpmnElement: el, bounds: bounds(c) };
      if (is(el, 'bpmn:Participant') || is(el, 'bpmn:Lane')) attrs.isHorizontal = true;
      if (is(el, 'bpmn:SubProcess')) attrs.isExpanded = expanded(el);
      plane.planeElement.push(moddle.create('bpmndi:BPMNShape', attrs));
      for (const p of c.ports || []) {
        const b = byId.get(p.id).el;
        plane.planeElement.push(moddle.create('bpmndi:BPMNShape', { id: b.id + '_di', bpmnElement: b, bounds: bounds(p) }));
      }
      walk(c);
    }
    for (const e of n.edges || []) {
      const s = e.sections?.[0];
      if (!s) continue;
      const points = [s.startPoint, ...(s.bendPoints || []), s.endPoint];
      plane.planeElement.push(moddle.create('bpmndi:BPMNEdge', { id: byId.get(e.id).el.id + '_di', bpmnElement: byId.get(e.id).el,
        waypoint: points.map(({ x, y }) => moddle.create('dc:Point', { x, y })) }));
    }
  };
  walk(laid);
  return moddle.create('bpmndi:BPMNDiagram', { id: 'BPMNDiagram_' + root.id, plane });
}

const [out, ...files] = process.argv.slice(2);
for (const file of files) {
  try {
    const { rootElement: defs } = await moddle.fromXML(readFileSync(file, 'utf8'));
    // One diagram per collaboration, as syzba lays them out; processes outside every pool go
    // loose into the first one's diagram (as in MIWG A.4.0), or each into its own without one.
    const roots = defs.rootElements.filter((r) => is(r, 'bpmn:Collaboration'));
    const inPool = new Set(roots.flatMap((c) => (c.participants || []).map((p) => p.processRef)));
    const loose = defs.rootElements.filter((r) => is(r, 'bpmn:Process') && !inPool.has(r) && r.flowElements?.length);
    if (!roots.length) roots.push(...loose.splice(0));
    if (!roots.length) roots.push(...defs.rootElements.filter((r) => is(r, 'bpmn:Process'))); // empty ones
    defs.diagrams = [];
    for (const [i, root] of roots.entries()) {
      const { graph, byId } = buildGraph(root, i === 0 ? loose : []);
      defs.diagrams.push(toDi(root, await elk.layout(graph), byId));
    }
    writeFileSync(join(out, basename(file)), (await moddle.toXML(defs, { format: true })).xml);
    console.log(`ok   ${file}`);
  } catch (e) {
    console.log(`FAIL ${file}: ${String(e.message).split('\n')[0]}`);
  }
}
