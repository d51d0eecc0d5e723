"""A small BPMN writer with grid layout, used by the generator scripts in this folder.

A process is described as nodes on a grid (column, row), boundary events attached to a task, and sequence
flows; the writer emits the semantic XML (Camunda extensions) and a complete BPMN DI diagram: a shape for
every flow node (boundary events on the bottom border of their task) and an edge with orthogonal waypoints
for every sequence flow. Run a generator, not this module: `python3 definitions/tools/<generator>.py`.
"""
from xml.sax.saxutils import escape, quoteattr

COL = 180  # grid column width
ROW = 130  # grid row height
LEFT = 80
TOP = 80

SIZES = {
    "startEvent": (36, 36), "endEvent": (36, 36), "boundaryEvent": (36, 36),
    "userTask": (110, 80), "serviceTask": (110, 80), "exclusiveGateway": (50, 50),
}


class Node:
    def __init__(self, kind, id, name, col, row, body="", attrs=None):
        self.kind, self.id, self.name, self.col, self.row = kind, id, name, col, row
        self.body, self.attrs = body, attrs or {}
        w, h = SIZES[kind]
        self.w, self.h = w, h
        cx = LEFT + col * COL + 55
        cy = TOP + row * ROW + 40
        self.x, self.y = cx - w / 2, cy - h / 2

    @property
    def cx(self):
        return self.x + self.w / 2

    @property
    def cy(self):
        return self.y + self.h / 2


class Process:
    def __init__(self, key, name, documentation=""):
        self.key, self.name, self.documentation = key, name, documentation
        self.nodes, self.flows, self.order = {}, [], []

    def _add(self, node):
        assert node.id not in self.nodes, node.id
        self.nodes[node.id] = node
        self.order.append(node)
        return node

    def start(self, id, name, col, row, initiator="initiator"):
        return self._add(Node("startEvent", id, name, col, row, attrs={"camunda:initiator": initiator}))

    def end(self, id, name, col, row, terminate=True):
        return self._add(Node("endEvent", id, name, col, row, body="<bpmn:terminateEventDefinition />" if terminate else ""))

    def gateway(self, id, name, col, row, default=None):
        node = self._add(Node("exclusiveGateway", id, name, col, row))
        node.default = default
        return node

    def user(self, id, name, col, row, fields=(), **attrs):
        body = ""
        if fields:
            body = "<bpmn:extensionElements><camunda:formData>" + "".join(fields) + "</camunda:formData></bpmn:extensionElements>"
        return self._add(Node("userTask", id, name, col, row, body=body, attrs={f"camunda:{k}": v for k, v in attrs.items()}))

    def service(self, id, name, col, row, handler, **properties):
        body = ""
        if properties:
            body = "<bpmn:extensionElements><camunda:properties>" + "".join(
                f"<camunda:property name={quoteattr(k)} value={quoteattr(str(v))} />" for k, v in properties.items()
            ) + "</camunda:properties></bpmn:extensionElements>"
        return self._add(Node("serviceTask", id, name, col, row, body=body, attrs={"camunda:delegateExpression": "${" + handler + "}"}))

    def timer(self, id, name, task, time_date, interrupting=False, at=0.8):
        """A timer boundary event on the bottom border of `task`, at `at` of its width."""
        t = self.nodes[task]
        node = Node("boundaryEvent", id, name, t.col, t.row,
                    body=f"<bpmn:timerEventDefinition><bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">{escape(time_date)}</bpmn:timeDate></bpmn:timerEventDefinition>",
                    attrs={"attachedToRef": task, "cancelActivity": "true" if interrupting else "false"})
        node.x = t.x + t.w * at - 18
        node.y = t.y + t.h - 18
        return self._add(node)

    def flow(self, id, source, target, name=None, condition=None, via=None):
        self.flows.append(dict(id=id, source=source, target=target, name=name, condition=condition, via=via))

    # -- output ---------------------------------------------------------------------------------------------

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
        if s.kind == "boundaryEvent":
            sx, sy = s.cx, s.y + s.h
            if t.x <= sx <= t.x + t.w:
                return [(sx, sy), (sx, t.y)]
            # down a little, across above the target row, then into the target's top
            return [(sx, sy), (sx, sy + 20), (t.cx, sy + 20), (t.cx, t.y)]
        if abs(s.cy - t.cy) < 1:
            if t.x >= s.x:
                return [(s.x + s.w, s.cy), (t.x, t.cy)]
            return [(s.x, s.cy), (t.x + t.w, t.cy)]
        if t.x > s.x + s.w:
            if s.kind == "exclusiveGateway":
                # leave a gateway from its top or bottom corner, then go right
                sy = s.y + s.h if t.cy > s.cy else s.y
                return [(s.cx, sy), (s.cx, t.cy), (t.x, t.cy)]
            mx = (s.x + s.w + t.x) / 2
            return [(s.x + s.w, s.cy), (mx, s.cy), (mx, t.cy), (t.x, t.cy)]
        if abs(s.cx - t.cx) < 1:
            if t.cy > s.cy:
                return [(s.cx, s.y + s.h), (t.cx, t.y)]
            return [(s.cx, s.y), (t.cx, t.y + t.h)]
        # target to the left on another row: down/up from the source, then left, into the target's side
        sy = s.y + s.h if t.cy > s.cy else s.y
        return [(s.cx, sy), (s.cx, t.cy), (t.x + t.w, t.cy)]

    def xml(self):
        out = []
        a = out.append
        a('<?xml version="1.0" encoding="UTF-8"?>')
        a("<!-- Generated by definitions/tools/ from a layout script; edit the script and regenerate (see definitions/README.md). -->")
        a('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
          'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
          'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          f'id="{self.key}-definitions" targetNamespace="https://anju.jiangyin.gov.cn/procedures" exporter="anju definitions/tools" exporterVersion="1">')
        a(f'  <bpmn:process id="{self.key}" name={quoteattr(self.name)} isExecutable="true">')
        if self.documentation:
            a(f"    <bpmn:documentation>{escape(self.documentation)}</bpmn:documentation>")
        for n in self.order:
            attrs = "".join(f" {k}={quoteattr(v)}" for k, v in n.attrs.items())
            if n.kind == "exclusiveGateway" and getattr(n, "default", None):
                attrs += f' default="{n.default}"'
            if n.body:
                a(f"    <bpmn:{n.kind} id=\"{n.id}\" name={quoteattr(n.name)}{attrs}>{n.body}</bpmn:{n.kind}>")
            else:
                a(f"    <bpmn:{n.kind} id=\"{n.id}\" name={quoteattr(n.name)}{attrs} />")
        for f in self.flows:
            name = f" name={quoteattr(f['name'])}" if f["name"] else ""
            head = f"    <bpmn:sequenceFlow id=\"{f['id']}\"{name} sourceRef=\"{f['source']}\" targetRef=\"{f['target']}\""
            if f["condition"]:
                a(head + f"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">{escape(f['condition'])}</bpmn:conditionExpression></bpmn:sequenceFlow>")
            else:
                a(head + " />")
        a("  </bpmn:process>")
        a(f'  <bpmndi:BPMNDiagram id="{self.key}-diagram">')
        a(f'    <bpmndi:BPMNPlane id="{self.key}-plane" bpmnElement="{self.key}">')
        for n in self.order:
            marker = ' isMarkerVisible="true"' if n.kind == "exclusiveGateway" else ""
            a(f'      <bpmndi:BPMNShape id="{n.id}_di" bpmnElement="{n.id}"{marker}><dc:Bounds x="{n.x:g}" y="{n.y:g}" width="{n.w}" height="{n.h}" />'
              + (f'<bpmndi:BPMNLabel><dc:Bounds x="{n.x - 22:g}" y="{n.y + n.h + 4:g}" width="{n.w + 44}" height="27" /></bpmndi:BPMNLabel>' if n.kind in ("startEvent", "endEvent", "exclusiveGateway", "boundaryEvent") else "")
              + "</bpmndi:BPMNShape>")
        for f in self.flows:
            pts = "".join(f'<di:waypoint x="{x:g}" y="{y:g}" />' for x, y in self._waypoints(f))
            a(f'      <bpmndi:BPMNEdge id="{f["id"]}_di" bpmnElement="{f["id"]}">{pts}</bpmndi:BPMNEdge>')
        a("    </bpmndi:BPMNPlane>")
        a("  </bpmndi:BPMNDiagram>")
        a("</bpmn:definitions>")
        return "\n".join(out) + "\n"


def field(id, label, type="string", values=(), default=None, required=False, readonly=False, required_when=None, **constraints):
    """A camunda:formField; values are (id, 中文) pairs for enums; constraints like maxlength=500, min=1;
    required_when="otherField=value1|value2": required when the other field has one of these values (checked by the Host)."""
    attrs = f'id="{id}" label={quoteattr(label)} type="{type}"'
    if default is not None:
        attrs += f" defaultValue={quoteattr(default)}"
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
