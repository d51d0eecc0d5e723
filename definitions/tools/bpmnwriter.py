"""The BPMN writer of definitions/tools: every generator script here describes its procedure with it.

A script places flow nodes on one grid (column, row), attaches boundary events to a task or subprocess, nests
nodes in subprocesses and declares sequence flows; `Process.write` emits the semantic XML with Camunda
extensions and a complete BPMN DI diagram: a shape per node (expanded subprocesses around their children,
boundary events on the bottom or top border of their host, labels under events and gateways, exclusive gateways
with their marker) and an edge with orthogonal waypoints per flow. It then applies the procedure's starters and
start form (starters.py). Run a generator, or all of them with `python3 definitions/tools/regenerate.py`, not
this module. Standard library only.

The grid: column `col` has its centre at x = LEFT + col * COL + 55, row `row` at y = TOP + row * ROW + 40
(`col_x`, `row_y`); columns and rows may be fractions. A flow's `via` is a list of points in diagram
coordinates (usually built from `row_y` and the nodes' `cx`, `cy`, `x`, `y`, `w`, `h`); its ends attach to the
side, top or bottom of source and target that the first and last point face.
"""
import os
import sys
from xml.sax.saxutils import escape, quoteattr

import starters

COL = 180  # grid column width
ROW = 130  # grid row height
LEFT = 80
TOP = 80

SIZES = {"event": (36, 36), "gateway": (50, 50), "task": (110, 80)}
SUBPROCESS_PAD = 30

OUT_VARIABLE = "ANJU_DEFINITIONS_OUT"
XSI_EXPRESSION = 'xsi:type="bpmn:tFormalExpression"'


def col_x(col):
    """The x of the centre of grid column `col`."""
    return LEFT + col * COL + 55


def row_y(row):
    """The y of the centre of grid row `row`."""
    return TOP + row * ROW + 40


def field(id, label, type="string", values=(), default=None, required=False, readonly=False, required_when=None, **constraints):
    """A camunda:formField; values are (id, 中文) pairs for enums; constraints like maxlength=500, min=1;
    required_when="otherField=value1|value2": required when the other field has one of these values (checked by the Host)."""
    attrs = f'id="{id}" label={quoteattr(label)} type="{type}"'
    if default is not None:
        attrs += f" defaultValue={quoteattr(str(default))}"
    inner = "".join(f'<camunda:value id="{v}" name={quoteattr(n)} />' for v, n in values)
    cons = []
    if required:
        cons.append('<camunda:constraint name="required" />')
    if readonly:
        cons.append('<camunda:constraint name="readonly" />')
    cons += [f'<camunda:constraint name="{k}" config="{v}" />' for k, v in constraints.items()]
    if cons:
        inner += "<camunda:validation>" + "".join(cons) + "</camunda:validation>"
    if required_when:
        inner += f'<camunda:properties><camunda:property id="requiredWhen" value={quoteattr(required_when)} /></camunda:properties>'
    return f"<camunda:formField {attrs}>{inner}</camunda:formField>" if inner else f"<camunda:formField {attrs} />"


def _properties(props):
    """camunda:properties of an activity (handler configuration, jurisdiction); None or {} gives nothing."""
    if not props:
        return ""
    return "<camunda:properties>" + "".join(
        f"<camunda:property name={quoteattr(k)} value={quoteattr(str(v))} />" for k, v in props.items()) + "</camunda:properties>"


def _body(doc=None, extensions="", multi=None):
    """An activity's children in schema order: documentation, extension elements, multi-instance characteristics."""
    body = f"<bpmn:documentation>{escape(doc)}</bpmn:documentation>" if doc else ""
    if extensions:
        body += f"<bpmn:extensionElements>{extensions}</bpmn:extensionElements>"
    if multi:
        collection, variable = multi
        body += f"<bpmn:multiInstanceLoopCharacteristics camunda:collection={quoteattr(collection)} camunda:elementVariable={quoteattr(variable)} />"
    return body


def _timer(id, kind, expression):
    return f'<bpmn:timerEventDefinition id="{id}_def"><bpmn:{kind} {XSI_EXPRESSION}>{escape(expression)}</bpmn:{kind}></bpmn:timerEventDefinition>'


class Node:
    """A flow node; its bounds come from the grid, from its children (subprocess) or from its host (boundary event)."""

    def __init__(self, process, tag, id, name, col=None, row=None, parent=None, attrs=None, body=""):
        self.process, self.tag, self.id, self.name, self.col, self.row = process, tag, id, name, col, row
        self.parent, self.attrs, self.body = parent, {k: v for k, v in (attrs or {}).items() if v is not None}, body
        self.children = []
        self.host, self.at, self.top = None, 0.8, False  # boundary events

    def size(self):
        if "Event" in self.tag:
            return SIZES["event"]
        return SIZES["gateway"] if "Gateway" in self.tag else SIZES["task"]

    def bounds(self):
        """(x, y, width, height) in diagram coordinates."""
        if self.tag == "subProcess":
            boxes = [c.bounds() for c in self.children]
            x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
            x1, y1 = max(b[0] + b[2] for b in boxes), max(b[1] + b[3] for b in boxes)
            pad = SUBPROCESS_PAD
            return (x0 - pad, y0 - pad - 10, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad + 30)
        w, h = self.size()
        if self.tag == "boundaryEvent":
            hx, hy, hw, hh = self.host.bounds()
            return (hx + hw * self.at - w / 2, (hy if self.top else hy + hh) - h / 2, w, h)
        return (col_x(self.col) - w / 2, row_y(self.row) - h / 2, w, h)

    x = property(lambda self: self.bounds()[0])
    y = property(lambda self: self.bounds()[1])
    w = property(lambda self: self.bounds()[2])
    h = property(lambda self: self.bounds()[3])
    cx = property(lambda self: self.bounds()[0] + self.bounds()[2] / 2)
    cy = property(lambda self: self.bounds()[1] + self.bounds()[3] / 2)


class Process:
    """One executable process (one .bpmn file): its root messages and errors, flow nodes, flows and diagram."""

    def __init__(self, key, name, documentation=""):
        self.key, self.name, self.documentation = key, name, documentation
        self.nodes, self.order, self.flows, self.roots = {}, [], [], []

    # -- root elements ---------------------------------------------------------------------------------------

    def message(self, id, name):
        self.roots.append(f'<bpmn:message id="{id}" name={quoteattr(name)} />')

    def error(self, id, name, code):
        self.roots.append(f'<bpmn:error id="{id}" name={quoteattr(name)} errorCode={quoteattr(code)} />')

    # -- flow nodes ------------------------------------------------------------------------------------------

    def _add(self, tag, id, name, col=None, row=None, parent=None, attrs=None, body=""):
        assert id not in self.nodes, id
        node = Node(self, tag, id, name, col, row, parent, attrs, body)
        self.nodes[id] = node
        self.order.append(node)
        if parent:
            self.nodes[parent].children.append(node)
        return node

    def start(self, id, name, col, row, initiator=None, cycle=None, parent=None):
        """A none start event (camunda:initiator names the variable that receives the starter), or a timer start
        event with a cron `cycle`."""
        body = _timer(id, "timeCycle", cycle) if cycle else ""
        return self._add("startEvent", id, name, col, row, parent, {"camunda:initiator": initiator}, body)

    def end(self, id, name, col, row, terminate=False, parent=None):
        return self._add("endEvent", id, name, col, row, parent, body="<bpmn:terminateEventDefinition />" if terminate else "")

    def gateway(self, id, name, col, row, default=None, kind="exclusive", parent=None):
        """An exclusive (or `kind="parallel"`) gateway; `default` names its default flow."""
        return self._add(kind + "Gateway", id, name, col, row, parent, {"default": default})

    def user(self, id, name, col, row, fields=(), doc=None, props=None, multi=None, parent=None, **attrs):
        """A user task; attrs are Camunda attributes (candidateGroups, assignee, dueDate); fields its form
        (`field(...)`); props its camunda:properties (e.g. jurisdiction); multi = (collection, element variable)."""
        ext = ("<camunda:formData>" + "".join(fields) + "</camunda:formData>" if fields else "") + _properties(props)
        return self._add("userTask", id, name, col, row, parent, {f"camunda:{k}": v for k, v in attrs.items()}, _body(doc, ext, multi))

    def service(self, id, name, col, row, handler, doc=None, parent=None, send=False, async_before=False, **properties):
        """A service task (a send task with send=True) calling the Host's handler `handler`; properties are its
        camunda:properties (the handler's configuration, in order)."""
        attrs = {"camunda:asyncBefore": "true" if async_before else None, "camunda:delegateExpression": "${" + handler + "}"}
        return self._add("sendTask" if send else "serviceTask", id, name, col, row, parent, attrs, _body(doc, _properties(properties)))

    def call(self, id, name, col, row, called, inputs=(), props=None, multi=None, parent=None):
        """A call activity starting process `called`; inputs are (source, target) variables copied in."""
        ext = "".join(f'<camunda:in source="{s}" target="{t}" />' for s, t in inputs) + _properties(props)
        return self._add("callActivity", id, name, col, row, parent, {"calledElement": called}, _body(None, ext, multi))

    def subprocess(self, id, name, doc=None, multi=None, parent=None):
        """An embedded subprocess; its children name it as `parent`, and it is drawn expanded around them."""
        return self._add("subProcess", id, name, parent=parent, body=_body(doc, "", multi))

    def timer_catch(self, id, name, col, row, date, parent=None):
        """An intermediate timer event waiting until the date expression `date`."""
        return self._add("intermediateCatchEvent", id, name, col, row, parent, body=_timer(id, "timeDate", date))

    def message_catch(self, id, name, col, row, message, parent=None):
        """An intermediate message event waiting for the root message `message` (see `message`)."""
        return self._add("intermediateCatchEvent", id, name, col, row, parent, body=f'<bpmn:messageEventDefinition id="{id}_def" messageRef="{message}" />')

    def _boundary(self, id, name, attached, interrupting, at, top, body):
        host = self.nodes[attached]
        node = self._add("boundaryEvent", id, name, parent=host.parent, body=body,
                         attrs={"attachedToRef": attached, "cancelActivity": "true" if interrupting else "false"})
        node.host, node.at, node.top = host, at, top
        return node

    def timer(self, id, name, attached, date, interrupting=False, at=0.8, top=False):
        """A timer boundary event on the bottom (or top) border of `attached`, at `at` of its width."""
        return self._boundary(id, name, attached, interrupting, at, top, _timer(id, "timeDate", date))

    def catch_error(self, id, name, attached, error, at=0.8, top=False):
        """An interrupting error boundary event on `attached` catching the root error `error` (see `error`)."""
        return self._boundary(id, name, attached, True, at, top, f'<bpmn:errorEventDefinition id="{id}_def" errorRef="{error}" />')

    def flow(self, id, source, target, name=None, condition=None, via=None):
        self.flows.append(dict(id=id, source=source, target=target, name=name, condition=condition, via=via))

    # -- output ----------------------------------------------------------------------------------------------

    def _waypoints(self, f):
        s, t = self.nodes[f["source"]], self.nodes[f["target"]]
        if f["via"] is not None:
            # via: points in diagram coordinates; the ends attach to the side or top/bottom the first and last face
            first, last = f["via"][0], f["via"][-1]
            if s.x <= first[0] <= s.x + s.w:
                start = (first[0], s.y + s.h if first[1] > s.cy else s.y)
            else:
                start = (s.x + s.w if first[0] > s.cx else s.x, first[1] if s.y <= first[1] <= s.y + s.h else s.cy)
            if t.x <= last[0] <= t.x + t.w:
                end = (last[0], t.y + t.h if last[1] > t.cy else t.y)
            else:
                end = (t.x if last[0] < t.x else t.x + t.w, last[1] if t.y <= last[1] <= t.y + t.h else t.cy)
            return [start, *f["via"], end]
        if s.tag == "boundaryEvent":
            sx, sy = s.cx, (s.y if s.top else s.y + s.h)
            if t.x <= sx <= t.x + t.w:
                return [(sx, sy), (sx, t.y if t.cy > sy else t.y + t.h)]
            # out of the border, then along the target's row into its side
            return [(sx, sy), (sx, t.cy), (t.x if t.x > sx else t.x + t.w, t.cy)]
        if "subProcess" in (s.tag, t.tag) and (s.x + s.w < t.x or t.x + t.w < s.x):
            # a node beside a subprocess: straight across at the node's height when the subprocess spans it
            node, box = (t, s) if s.tag == "subProcess" else (s, t)
            if box.y < node.cy < box.y + box.h:
                y = node.cy
                return [(s.x + s.w, y), (t.x, y)] if t.x > s.x else [(s.x, y), (t.x + t.w, y)]
        if abs(s.cy - t.cy) < 1:
            if t.x >= s.x:
                return [(s.x + s.w, s.cy), (t.x, t.cy)]
            return [(s.x, s.cy), (t.x + t.w, t.cy)]
        if t.x > s.x + s.w:
            if "Gateway" in s.tag:
                # leave a gateway from its top or bottom corner, then go right
                sy = s.y + s.h if t.cy > s.cy else s.y
                return [(s.cx, sy), (s.cx, t.cy), (t.x, t.cy)]
            if "Gateway" in t.tag:
                # go right, then into the gateway's top or bottom corner
                return [(s.x + s.w, s.cy), (t.cx, s.cy), (t.cx, t.y if s.cy < t.cy else t.y + t.h)]
            mx = (s.x + s.w + t.x) / 2
            return [(s.x + s.w, s.cy), (mx, s.cy), (mx, t.cy), (t.x, t.cy)]
        if abs(s.cx - t.cx) < 1:
            if t.cy > s.cy:
                return [(s.cx, s.y + s.h), (t.cx, t.y)]
            return [(s.cx, s.y), (t.cx, t.y + t.h)]
        # target to the left on another row: down/up from the source, then left, into the target's side
        sy = s.y + s.h if t.cy > s.cy else s.y
        return [(s.cx, sy), (s.cx, t.cy), (t.x + t.w, t.cy)]

    def _node_xml(self, n, indent):
        attrs = f'id="{n.id}" name={quoteattr(n.name)}' + "".join(f" {k}={quoteattr(str(v))}" for k, v in n.attrs.items())
        if n.tag == "subProcess":
            inner = "".join(self._node_xml(c, indent + "  ") for c in n.children)
            inner += "".join(self._flow_xml(f, indent + "  ") for f in self.flows if self.nodes[f["source"]].parent == n.id)
            head = f"{indent}<bpmn:subProcess {attrs}>" + (f"\n{indent}  {n.body}" if n.body else "")
            return f"{head}\n{inner}{indent}</bpmn:subProcess>\n"
        if n.body:
            return f"{indent}<bpmn:{n.tag} {attrs}>{n.body}</bpmn:{n.tag}>\n"
        return f"{indent}<bpmn:{n.tag} {attrs} />\n"

    @staticmethod
    def _flow_xml(f, indent):
        name = f" name={quoteattr(f['name'])}" if f["name"] else ""
        head = f"{indent}<bpmn:sequenceFlow id=\"{f['id']}\"{name} sourceRef=\"{f['source']}\" targetRef=\"{f['target']}\""
        if f["condition"]:
            return head + f"><bpmn:conditionExpression {XSI_EXPRESSION}>{escape(f['condition'])}</bpmn:conditionExpression></bpmn:sequenceFlow>\n"
        return head + " />\n"

    def xml(self):
        for f in self.flows:
            assert f["source"] in self.nodes and f["target"] in self.nodes, f["id"]
        main = getattr(sys.modules["__main__"], "__file__", None)
        script = f"definitions/tools/{os.path.basename(main)}" if main else "a script in definitions/tools/"
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
               f"<!-- Generated by {script} (bpmnwriter.py); edit the script and run python3 definitions/tools/regenerate.py. -->\n",
               '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
               'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
               'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
               'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
               f'id="{self.key}-definitions" targetNamespace="https://anju.jiangyin.gov.cn/procedures" exporter="anju definitions/tools" exporterVersion="1">\n']
        out += [f"  {r}\n" for r in self.roots]
        out.append(f'  <bpmn:process id="{self.key}" name={quoteattr(self.name)} isExecutable="true">\n')
        if self.documentation:
            out.append(f"    <bpmn:documentation>{escape(self.documentation)}</bpmn:documentation>\n")
        out += [self._node_xml(n, "    ") for n in self.order if n.parent is None]
        out += [self._flow_xml(f, "    ") for f in self.flows if self.nodes[f["source"]].parent is None]
        out.append("  </bpmn:process>\n")
        out.append(f'  <bpmndi:BPMNDiagram id="{self.key}-diagram">\n')
        out.append(f'    <bpmndi:BPMNPlane id="{self.key}-plane" bpmnElement="{self.key}">\n')
        # subprocesses first, so that their children are drawn on top of them
        for n in [n for n in self.order if n.tag == "subProcess"] + [n for n in self.order if n.tag != "subProcess"]:
            x, y, w, h = n.bounds()
            extra = ' isExpanded="true"' if n.tag == "subProcess" else ""
            extra += ' isMarkerVisible="true"' if n.tag == "exclusiveGateway" else ""
            label = ""
            if "Event" in n.tag or "Gateway" in n.tag:
                label = f'<bpmndi:BPMNLabel><dc:Bounds x="{x - 22:g}" y="{y + h + 4:g}" width="{w + 44:g}" height="27" /></bpmndi:BPMNLabel>'
            out.append(f'      <bpmndi:BPMNShape id="{n.id}_di" bpmnElement="{n.id}"{extra}><dc:Bounds x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" />'
                       f"{label}</bpmndi:BPMNShape>\n")
        for f in self.flows:
            pts = "".join(f'<di:waypoint x="{px:g}" y="{py:g}" />' for px, py in self._waypoints(f))
            out.append(f'      <bpmndi:BPMNEdge id="{f["id"]}_di" bpmnElement="{f["id"]}">{pts}</bpmndi:BPMNEdge>\n')
        out.append("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n")
        return "".join(out)

    def write(self):
        """Writes <key>.bpmn, with the procedure's starters and start form (starters.py), into definitions/ (or the
        folder in ANJU_DEFINITIONS_OUT: regenerate.py --check writes to a scratch folder and compares)."""
        folder = os.environ.get(OUT_VARIABLE) or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        path = os.path.join(folder, self.key + ".bpmn")
        xml = starters.apply(self.key, self.xml())
        with open(path, "w", encoding="utf-8") as f:
            f.write(xml)
        print("wrote", os.path.basename(path))
