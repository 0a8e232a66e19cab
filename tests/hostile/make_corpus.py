#!/usr/bin/env python3
"""Writes the small hostile inputs of tests/hostile/ (the large ones — a million elements,
100,000-deep nesting, a 10 MB label — are made by the test itself). Run once; the files are
committed. Each name says what it is; expected.tsv says what syzba must answer."""
import os
here = os.path.dirname(os.path.abspath(__file__))
B = 'http://www.omg.org/spec/BPMN/20100524/MODEL'
DI = ('xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
      'xmlns:di="http://www.omg.org/spec/DD/20100524/DI"')
def defs(body, extra=''):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="{B}" {DI} {extra} id="d" '
            f'targetNamespace="https://syzba.kz/tests/hostile">\n{body}\n</bpmn:definitions>\n')
def proc(nodes, pid='p'):
    return f'<bpmn:process id="{pid}" isExecutable="false">\n{nodes}\n</bpmn:process>'
simple = proc('<bpmn:startEvent id="s" name="Өтініш"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>'
              '<bpmn:task id="t" name="Қабылдау"/>'
              '<bpmn:endEvent id="e" name="Нәтиже"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>'
              '<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>')
# The task's own flows are written after its name, so cases can change its name and keep them.
simple = simple.replace('<bpmn:task id="t" name="Қабылдау"/>', '<bpmn:task id="t" name="Қабылдау"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:task>')
def diagram(shapes, plane='p'):
    return f'<bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="{plane}">{shapes}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>'
def shape(el, x=0, y=0, w=100, h=80):
    return f'<bpmndi:BPMNShape id="{el}_di" bpmnElement="{el}"><dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}"/></bpmndi:BPMNShape>'
def edge(el, pts):
    return f'<bpmndi:BPMNEdge id="{el}_di" bpmnElement="{el}">' + ''.join(f'<di:waypoint x="{x}" y="{y}"/>' for x, y in pts) + '</bpmndi:BPMNEdge>'
good = defs(simple + diagram(shape('s', 0, 22, 36, 36) + shape('t', 100, 0) + shape('e', 250, 22, 36, 36) +
                             edge('f1', [(36, 40), (100, 40)]) + edge('f2', [(200, 40), (250, 40)])))

cases = {}
# --- not well-formed XML ---------------------------------------------------------------
cases['xml-empty.bpmn'] = ''
cases['xml-whitespace.bpmn'] = '   \n\t\n'
cases['xml-lone-lt.bpmn'] = '<'
cases['xml-unclosed-root.bpmn'] = good.replace('</bpmn:definitions>', '')
cases['xml-mismatched-tags.bpmn'] = good.replace('</bpmn:process>', '</bpmn:proces>')
cases['xml-unquoted-attribute.bpmn'] = good.replace('id="t"', 'id=t')
cases['xml-duplicate-attribute.bpmn'] = good.replace('id="t"', 'id="t" id="u"')
cases['xml-undefined-entity.bpmn'] = good.replace('Қабылдау', 'Қабылдау &foo;')
cases['xml-nul-reference.bpmn'] = good.replace('Қабылдау', 'Қабылдау &#0;')
cases['xml-surrogate-reference.bpmn'] = good.replace('Қабылдау', '&#xD800;')
cases['xml-text-after-root.bpmn'] = good + 'trailing text'
cases['xml-two-roots.bpmn'] = good + good.split('\n', 1)[1]
cases['xml-unterminated-comment.bpmn'] = good.replace('<bpmn:process', '<!-- never closed <bpmn:process')
cases['xml-unterminated-cdata.bpmn'] = good.replace('Қабылдау', '<![CDATA[ never closed')
cases['xml-bare-ampersand.bpmn'] = good.replace('Қабылдау', 'A & B')
cases['xml-lt-in-attribute.bpmn'] = good.replace('Қабылдау', 'a<b')
cases['xml-raw-nul-byte.bpmn'] = good.replace('Қабылдау', 'Қабыл\x00дау')
cases['xml-bom-only.bpmn'] = '\ufeff'
cases['xml-bad-declaration.bpmn'] = good.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="9.9" encoding="UTF-8"')
for k, cut in enumerate([0.1, 0.3, 0.5, 0.7, 0.9]):
    cases[f'xml-truncated-{k + 1}.bpmn'] = good[: int(len(good) * cut)]
# --- not BPMN ----------------------------------------------------------------------------
cases['notbpmn-other-root.bpmn'] = '<?xml version="1.0"?><root><child/></root>'
cases['notbpmn-bpmn1-namespace.bpmn'] = good.replace(B, 'http://www.omg.org/spec/BPMN/20100501/MODEL')
cases['notbpmn-namespace-typo.bpmn'] = good.replace(B, 'http://www.omg.org/spec/BPMN/20100524/MODE')
cases['notbpmn-no-namespace.bpmn'] = '<?xml version="1.0"?><definitions id="d"><process id="p"/></definitions>'
cases['notbpmn-html.bpmn'] = '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'
cases['notbpmn-svg.bpmn'] = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
cases['notbpmn-json.bpmn'] = '{"definitions": {"process": []}}'
cases['notbpmn-png-bytes.bpmn'] = b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01'
cases['notbpmn-zip-bytes.bpmn'] = b'PK\x03\x04\x14\x00\x00\x00\x08\x00'
cases['notbpmn-di-root.bpmn'] = '<?xml version="1.0"?><bpmndi:BPMNDiagram xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="x"/>'
# --- entities and DTDs -----------------------------------------------------------------
cases['dtd-external-entity.bpmn'] = good.replace('<bpmn:definitions', '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<bpmn:definitions').replace('Қабылдау', '&x;')
cases['dtd-parameter-entity.bpmn'] = good.replace('<bpmn:definitions', '<!DOCTYPE d [<!ENTITY % p SYSTEM "http://example.invalid/x.dtd"> %p;]>\n<bpmn:definitions')
lol = ''.join(f'<!ENTITY l{i} "' + f'&l{i - 1};' * 10 + '">' for i in range(1, 10))
cases['dtd-billion-laughs.bpmn'] = good.replace('<bpmn:definitions', f'<!DOCTYPE d [<!ENTITY l0 "lol">{lol}]>\n<bpmn:definitions').replace('Қабылдау', '&l9;')
cases['dtd-quadratic-blowup.bpmn'] = good.replace('<bpmn:definitions', '<!DOCTYPE d [<!ENTITY a "' + 'x' * 50000 + '">]>\n<bpmn:definitions').replace('Қабылдау', '&a;' * 200)
cases['dtd-external-subset.bpmn'] = good.replace('<bpmn:definitions', '<!DOCTYPE d SYSTEM "http://example.invalid/evil.dtd">\n<bpmn:definitions')
cases['dtd-internal-subset-no-entity.bpmn'] = good.replace('<bpmn:definitions', '<!DOCTYPE d [<!ELEMENT d ANY>]>\n<bpmn:definitions')
cases['xinclude-element.bpmn'] = good.replace('<bpmn:task id="t" name="Қабылдау">', '<bpmn:task id="t" name="Қабылдау"><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>')
# --- encodings ---------------------------------------------------------------------------
enc = good.encode()
def bad_utf8(bytes_):
    return enc.replace('Қабылдау'.encode(), b'\xd0\x9a' + bytes_ + b'\xd0\xb0')
cases['utf8-overlong.bpmn'] = bad_utf8(b'\xc0\xaf')
cases['utf8-lone-continuation.bpmn'] = bad_utf8(b'\x80')
cases['utf8-truncated-sequence.bpmn'] = bad_utf8(b'\xe2\x82')
cases['utf8-encoded-surrogate.bpmn'] = bad_utf8(b'\xed\xa0\x80')
cases['utf8-fe-ff-bytes.bpmn'] = bad_utf8(b'\xfe\xff')
cases['utf8-beyond-unicode.bpmn'] = bad_utf8(b'\xf4\x90\x80\x80')
cases['encoding-unknown-name.bpmn'] = good.replace('encoding="UTF-8"', 'encoding="x-no-such-encoding"')
cases['encoding-utf16-declared-utf8-bytes.bpmn'] = good.replace('encoding="UTF-8"', 'encoding="UTF-16"')
cases['encoding-windows-1251.bpmn'] = good.replace('encoding="UTF-8"', 'encoding="windows-1251"').replace('Қабылдау', 'Приём').replace('Өтініш', 'Заявление').replace('Нәтиже', 'Результат').encode('cp1251')
cases['encoding-utf16le-bom.bpmn'] = good.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode('utf-16')
# --- control characters ------------------------------------------------------------------
cases['control-raw-in-name.bpmn'] = good.replace('Қабылдау', 'Қабыл\x01дау')
cases['control-escape-sequence.bpmn'] = good.replace('Қабылдау', '\x1b[31mRED\x1b[0m')
cases['control-char-reference.bpmn'] = good.replace('Қабылдау', 'Қабыл&#x1;дау')
cases['control-form-feed.bpmn'] = good.replace('Қабылдау', 'page\x0cbreak')
cases['control-del-and-c1.bpmn'] = good.replace('Қабылдау', 'del\x7f c1\u0085 nel')
# --- structure ---------------------------------------------------------------------------
cases['structure-duplicate-ids.bpmn'] = defs(proc('<bpmn:startEvent id="x"/><bpmn:task id="x"/><bpmn:endEvent id="x"/>'))
cases['structure-dangling-flow.bpmn'] = defs(proc('<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="nowhere"/>'))
cases['structure-self-loop.bpmn'] = defs(proc('<bpmn:startEvent id="s"/><bpmn:task id="t" name="Loop"/><bpmn:endEvent id="e"/>'
    '<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="t"/><bpmn:sequenceFlow id="f3" sourceRef="t" targetRef="e"/>'))
cases['structure-only-self-loop.bpmn'] = defs(proc('<bpmn:task id="t" name="Forever"/><bpmn:sequenceFlow id="f" sourceRef="t" targetRef="t"/>'))
cases['structure-flow-to-message.bpmn'] = defs('<bpmn:message id="m"/>' + proc('<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="m"/>'))
cases['structure-call-self.bpmn'] = defs(proc('<bpmn:startEvent id="s"/><bpmn:callActivity id="c" calledElement="p" name="Calls its own process"/><bpmn:endEvent id="e"/>'
    '<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="c"/><bpmn:sequenceFlow id="f2" sourceRef="c" targetRef="e"/>'))
cases['structure-call-each-other.bpmn'] = defs(proc('<bpmn:callActivity id="ca" calledElement="q"/>', 'p') + proc('<bpmn:callActivity id="cb" calledElement="p"/>', 'q'))
cases['structure-lane-to-nowhere.bpmn'] = defs(proc('<bpmn:laneSet id="ls"><bpmn:lane id="l" name="L"><bpmn:flowNodeRef>ghost</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet><bpmn:task id="t"/>'))
cases['structure-node-in-two-lanes.bpmn'] = defs(proc('<bpmn:laneSet id="ls"><bpmn:lane id="a" name="A"><bpmn:flowNodeRef>t</bpmn:flowNodeRef></bpmn:lane><bpmn:lane id="b" name="B"><bpmn:flowNodeRef>t</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet><bpmn:task id="t" name="Twice"/>'))
cases['structure-participant-to-nowhere.bpmn'] = defs('<bpmn:collaboration id="c"><bpmn:participant id="pp" name="P" processRef="ghost"/></bpmn:collaboration>')
cases['structure-message-flow-same-pool.bpmn'] = defs('<bpmn:collaboration id="c"><bpmn:participant id="pp" processRef="p"/><bpmn:messageFlow id="m" sourceRef="s" targetRef="e"/></bpmn:collaboration>' + simple)
cases['structure-boundary-to-nowhere.bpmn'] = defs(proc('<bpmn:boundaryEvent id="b" attachedToRef="ghost"/>'))
cases['structure-boundary-on-itself.bpmn'] = defs(proc('<bpmn:boundaryEvent id="b" attachedToRef="b"/>'))
cases['structure-gateway-no-way-out.bpmn'] = defs(proc('<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" name="?"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="g"/>'))
cases['structure-empty-process.bpmn'] = defs(proc(''))
cases['structure-empty-definitions.bpmn'] = defs('')
cases['structure-wide-gateway.bpmn'] = defs(proc('<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" name="Which?"/><bpmn:endEvent id="e"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="g"/>' +
    ''.join(f'<bpmn:task id="t{i}" name="Branch {i}"/><bpmn:sequenceFlow id="a{i}" sourceRef="g" targetRef="t{i}"/><bpmn:sequenceFlow id="b{i}" sourceRef="t{i}" targetRef="e"/>' for i in range(60))))
cases['structure-many-processes.bpmn'] = defs(''.join(proc('<bpmn:task id="t%d"/>' % i, 'p%d' % i) for i in range(500)))
cases['structure-subprocess-deep.bpmn'] = defs(proc('<bpmn:subProcess id="s0">' * 1 + ''.join(f'<bpmn:subProcess id="s{i}">' for i in range(1, 200)) + '<bpmn:task id="t"/>' + '</bpmn:subProcess>' * 200))
cases['structure-flows-both-ways.bpmn'] = defs(proc('<bpmn:task id="a"/><bpmn:task id="b"/><bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="b"/><bpmn:sequenceFlow id="f2" sourceRef="b" targetRef="a"/>'))
cases['structure-parallel-deadlock.bpmn'] = defs(proc('<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="x"/><bpmn:parallelGateway id="j"/><bpmn:endEvent id="e"/><bpmn:task id="a"/><bpmn:task id="b"/>'
    '<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="x"/><bpmn:sequenceFlow id="f2" sourceRef="x" targetRef="a"/><bpmn:sequenceFlow id="f3" sourceRef="x" targetRef="b"/>'
    '<bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="j"/><bpmn:sequenceFlow id="f5" sourceRef="b" targetRef="j"/><bpmn:sequenceFlow id="f6" sourceRef="j" targetRef="e"/>'))
# --- diagram interchange -----------------------------------------------------------------
def with_di(shapes):
    return defs(simple + diagram(shapes))
all_shapes = lambda **kw: shape('s', 0, 22, 36, 36) + shape('t', **kw) + shape('e', 250, 22, 36, 36)
cases['di-shape-to-nowhere.bpmn'] = with_di(shape('ghost'))
cases['di-plane-to-nowhere.bpmn'] = defs(simple + diagram(shape('t'), plane='ghost'))
cases['di-edge-one-waypoint.bpmn'] = with_di(all_shapes(x=100, y=0) + edge('f1', [(0, 0)]))
cases['di-edge-no-waypoints.bpmn'] = with_di(all_shapes(x=100, y=0) + edge('f1', []))
cases['di-nan-coordinates.bpmn'] = with_di(all_shapes(x='NaN', y='NaN'))
cases['di-infinite-coordinates.bpmn'] = with_di(all_shapes(x='INF', y='-INF'))
cases['di-huge-coordinates.bpmn'] = with_di(all_shapes(x='1e308', y='-1e308'))
cases['di-large-but-finite.bpmn'] = with_di(all_shapes(x='1e7', y='1e7'))
cases['di-negative-size.bpmn'] = with_di(all_shapes(x=100, y=0, w=-100, h=-80))
cases['di-zero-size.bpmn'] = with_di(all_shapes(x=100, y=0, w=0, h=0))
cases['di-missing-bounds.bpmn'] = with_di('<bpmndi:BPMNShape id="t_di" bpmnElement="t"/>')
cases['di-duplicate-shapes.bpmn'] = with_di(all_shapes(x=100, y=0) + shape('t', 500, 500).replace('t_di', 't_di2'))
cases['di-not-a-number-text.bpmn'] = with_di(all_shapes(x='ten', y='twenty'))
cases['di-many-waypoints.bpmn'] = with_di(all_shapes(x=100, y=0) + edge('f1', [(i % 2 * 50, i) for i in range(20000)]))
cases['di-label-nan.bpmn'] = with_di(shape('s', 0, 22, 36, 36).replace('</bpmndi:BPMNShape>', '<bpmndi:BPMNLabel><dc:Bounds x="NaN" y="0" width="10" height="10"/></bpmndi:BPMNLabel></bpmndi:BPMNShape>'))
cases['di-shape-for-flow.bpmn'] = with_di(all_shapes(x=100, y=0) + shape('f1'))
# Broken DI as other tools write it: drawn with a warning, the rest of the picture kept.
both_edges = lambda f1: all_shapes(x=100, y=0) + f1 + edge('f2', [(200, 40), (250, 40)])
cases['di-edge-nan-waypoint.bpmn'] = with_di(both_edges(edge('f1', [(36, 'NaN'), (100, 40)])))
cases['di-edge-ends-not-drawn.bpmn'] = with_di(shape('s', 0, 22, 36, 36) + edge('f1', [(0, 0)]))
cases['di-label-missing-height.bpmn'] = with_di(both_edges(edge('f1', [(36, 40), (100, 40)])).replace(
    '</bpmndi:BPMNShape>', '<bpmndi:BPMNLabel><dc:Bounds x="0" y="60" width="40"/></bpmndi:BPMNLabel></bpmndi:BPMNShape>', 1))
cases['di-plane-without-element.bpmn'] = with_di(both_edges(edge('f1', [(36, 40), (100, 40)]))).replace(' bpmnElement="p"', '')
cases['di-empty-plane.bpmn'] = with_di('')
cases['ref-qname-prefixed.bpmn'] = good.replace('sourceRef="s"', 'sourceRef="bpmn:s"').replace('bpmnElement="t"', 'bpmnElement="bpmn:t"')
# --- labels and injection ------------------------------------------------------------------
def named(name):
    return good.replace('name="Қабылдау"', f'name="{name}"')
cases['label-script-tag.bpmn'] = named('&lt;script&gt;alert(1)&lt;/script&gt;')
cases['label-img-onerror.bpmn'] = named('&lt;img src=x onerror=alert(1)&gt;')
cases['label-close-svg.bpmn'] = named('&lt;/text&gt;&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
cases['label-attribute-breakout.bpmn'] = named('&quot; onmouseover=&quot;alert(1)')
cases['label-cdata-end.bpmn'] = named(']]&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
cases['label-javascript-url.bpmn'] = named('javascript:alert(1)')
cases['label-rtl-override.bpmn'] = named('abc\u202edcba\u2066x\u2069')
cases['label-zero-width.bpmn'] = named('Қа\u200bбыл\u200dдау\ufeff')
cases['label-astral.bpmn'] = named('Өтініш 📄✅ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢')
cases['label-long-word.bpmn'] = named('Ә' * 100000)
cases['label-many-lines.bpmn'] = named('&#10;'.join(['жол'] * 5000))
cases['id-injection.bpmn'] = good.replace('"t"', '"t&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"')
cases['id-very-long.bpmn'] = good.replace('"t"', '"' + 't' * 100000 + '"')
cases['color-javascript.bpmn'] = good.replace('<bpmndi:BPMNShape id="t_di" bpmnElement="t"', '<bpmndi:BPMNShape id="t_di" bpmnElement="t" xmlns:bioc="http://bpmn.io/schema/bpmn/biocolor/1.0" bioc:fill="url(javascript:alert(1))" bioc:stroke="red;background:url(x)"')
cases['documentation-html.bpmn'] = good.replace('<bpmn:task id="t" name="Қабылдау">', '<bpmn:task id="t" name="Қабылдау"><bpmn:documentation textFormat="text/html">&lt;iframe src="https://example.invalid"&gt;&lt;/iframe&gt;</bpmn:documentation>')
cases['extension-onload.bpmn'] = good.replace('<bpmn:task id="t" name="Қабылдау">', '<bpmn:task id="t" name="Қабылдау" xmlns:x="urn:x" x:onload="alert(1)"><bpmn:extensionElements><script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script></bpmn:extensionElements>')
# --- durations and the syzba extension -------------------------------------------------------
def timed(text, term=None):
    body = simple.replace('<bpmn:task id="t" name="Қабылдау">', f'<bpmn:task id="t" name="Қабылдау"><bpmn:extensionElements><syzba:duration text="{text}"/></bpmn:extensionElements>')
    svc = f'<bpmn:extensionElements><syzba:service name="S"><syzba:term text="{term}"/></syzba:service></bpmn:extensionElements>' if term else ''
    return defs(svc + body, 'xmlns:syzba="https://syzba.kz/schema/bpmn/1.0"')
cases['duration-garbage.bpmn'] = timed('тез арада')
cases['duration-digits-disagree.bpmn'] = timed('15 (он) минут')
cases['duration-negative.bpmn'] = timed('-5 минут')
cases['duration-huge.bpmn'] = timed('99999999999999999999 жұмыс күні')
cases['duration-nan-amount.bpmn'] = defs(simple.replace('<bpmn:task id="t" name="Қабылдау">', '<bpmn:task id="t" name="Қабылдау"><bpmn:extensionElements><syzba:duration amount="NaN" unit="minute"/></bpmn:extensionElements>'), 'xmlns:syzba="https://syzba.kz/schema/bpmn/1.0"')
cases['duration-unknown-unit.bpmn'] = defs(simple.replace('<bpmn:task id="t" name="Қабылдау">', '<bpmn:task id="t" name="Қабылдау"><bpmn:extensionElements><syzba:duration amount="5" unit="fortnight"/></bpmn:extensionElements>'), 'xmlns:syzba="https://syzba.kz/schema/bpmn/1.0"')
cases['term-exceeded-by-far.bpmn'] = timed('250 жұмыс күні', '1 минут')
cases['duration-zero.bpmn'] = timed('0 минут')
cases['duration-beyond-a-year.bpmn'] = timed('400 жұмыс күні')
cases['term-garbage.bpmn'] = timed('5 минут', 'ертең')

for name, content in cases.items():
    data = content if isinstance(content, bytes) else content.encode('utf-8')
    with open(os.path.join(here, name), 'wb') as f:
        f.write(data)
print(len(cases), 'files')
