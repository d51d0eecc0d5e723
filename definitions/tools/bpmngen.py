"""Tiny BPMN writer used by the procedure scripts next to it (e.g. enforcement_referral.py).

A script describes a process as nodes on a grid (column, row) and flows between them; this module writes the
semantic XML with Camunda extensions and a complete bpmndi diagram (a shape per node, an edge with orthogonal
waypoints per flow, boundary events on the bottom border of their task, expanded subprocesses around their
children). Run a script with python3 to (re)write its .bpmn file; only the .bpmn result is deployed.
"""
from xml.sax.saxutils import quoteattr, escape

COL_W = 150
ROW_H = 140
X0 = 60
Y0 = 80
SIZES = {"task": (100, 80), "event": (36, 36), "gateway": (50, 50)}


def q(v):
    return quoteattr(str(v))


class Field:
    def __init__(self, id, label, type="string", required=False, values=None, default=None, readonly=False, required_when=None, **constraints):
        self.id, self.label, self.type, self.required = id, label, type, required
        self.values, self.default, self.readonly, self.constraints = values or [], default, readonly, constraints
        self.required_when = required_when  # "otherField=value1|value2": required when the other field has one of these values

    def xml(self):
        attrs = f'id={q(self.id)} label={q(self.label)} type={q(self.type)}'
        if self.default is not None:
            attrs += f' defaultValue={q(self.default)}'
        inner = ""
        cons = []
        if self.required:
            cons.append('<camunda:constraint name="required" />')
        if self.readonly:
            cons.append('<camunda:constraint name="readonly" />')
        for k, v in self.constraints.items():
            cons.append(f'<camunda:constraint name={q(k)} config={q(v)} />')
        if cons:
            inner += "<camunda:validation>" + "".join(cons) + "</camunda:validation>"
        for vid, vname in self.values:
            inner += f"<camunda:value id={q(vid)} name={q(vname)} />"
        if self.required_when:
            inner += f'<camunda:properties><camunda:property id="requiredWhen" value={q(self.required_when)} /></camunda:properties>'
        return f"<camunda:formField {attrs}>{inner}</camunda:formField>"


class Node:
    def __init__(self, id, name, kind, col, row, parent=None):
        self.id, self.name, self.kind, self.col, self.row, self.parent = id, name, kind, col, row, parent
        self.attrs = {}
        self.body = ""
        self.tag = None
        self.attached = None
        self.children = []  # for subprocesses

    def size(self):
        if self.tag == "subProcess":
            return None
        return SIZES["event" if "Event" in self.tag else "gateway" if "Gateway" in self.tag else "task"]


class Process:
    def __init__(self, key, name, documentation=""):
        self.key, self.name, self.documentation = key, name, documentation
        self.nodes = {}
        self.order = []
        self.flows = []
        self.messages = []

    # ---- nodes -------------------------------------------------------------------------------------
    def _add(self, tag, id, name, col, row, parent=None, **attrs):
        n = Node(id, name, tag, col, row, parent)
        n.tag = tag
        n.attrs = {k: v for k, v in attrs.items() if v is not None}
        self.nodes[id] = n
        self.order.append(n)
        if parent:
            self.nodes[parent].children.append(n)
        return n

    def start(self, id, name, col, row, initiator=None, parent=None):
        a = {"camunda:initiator": initiator} if initiator else {}
        return self._add("startEvent", id, name, col, row, parent, **a)

    def end(self, id, name, col, row, parent=None, terminate=False):
        n = self._add("endEvent", id, name, col, row, parent)
        if terminate:
            n.body = '<bpmn:terminateEventDefinition id="%s_def" />' % id
        return n

    def gateway(self, id, name, col, row, kind="exclusive", default=None, parent=None):
        n = self._add(kind + "Gateway", id, name, col, row, parent)
        if default:
            n.attrs["default"] = default
        return n

    def user(self, id, name, col, row, groups=None, assignee=None, due=None, form=(), props=None, parent=None, mi=None, doc=None):
        n = self._add("userTask", id, name, col, row, parent,
                      **{"camunda:candidateGroups": groups, "camunda:assignee": assignee, "camunda:dueDate": due})
        ext = ""
        if form:
            ext += "<camunda:formData>" + "".join(f.xml() for f in form) + "</camunda:formData>"
        if props:
            ext += "<camunda:properties>" + "".join(f'<camunda:property name={q(k)} value={q(v)} />' for k, v in props.items()) + "</camunda:properties>"
        body = ""
        if doc:
            body += f"<bpmn:documentation>{escape(doc)}</bpmn:documentation>"
        if ext:
            body += f"<bpmn:extensionElements>{ext}</bpmn:extensionElements>"
        if mi:
            coll, var = mi
            body += f'<bpmn:multiInstanceLoopCharacteristics camunda:collection={q(coll)} camunda:elementVariable={q(var)} />'
        n.body = body
        return n

    def service(self, id, name, col, row, handler, props=None, parent=None, doc=None):
        n = self._add("serviceTask", id, name, col, row, parent, **{"camunda:delegateExpression": "${%s}" % handler})
        body = ""
        if doc:
            body += f"<bpmn:documentation>{escape(doc)}</bpmn:documentation>"
        if props:
            body += "<bpmn:extensionElements><camunda:properties>" + "".join(
                f'<camunda:property name={q(k)} value={q(v)} />' for k, v in props.items()) + "</camunda:properties></bpmn:extensionElements>"
        n.body = body
        return n

    def timer_catch(self, id, name, col, row, date, parent=None):
        n = self._add("intermediateCatchEvent", id, name, col, row, parent)
        n.body = f'<bpmn:timerEventDefinition id="{id}_def"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">{escape(date)}</bpmn:timeDate></bpmn:timerEventDefinition>'
        return n

    def timer_boundary(self, id, name, attached, date, interrupting=False, slot=0):
        host = self.nodes[attached]
        n = self._add("boundaryEvent", id, name, host.col, host.row, host.parent,
                      attachedToRef=attached, cancelActivity="false" if not interrupting else "true")
        n.attached = host
        n.slot = slot
        n.body = f'<bpmn:timerEventDefinition id="{id}_def"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">{escape(date)}</bpmn:timeDate></bpmn:timerEventDefinition>'
        return n

    def subprocess(self, id, name, parent=None):
        return self._add("subProcess", id, name, 0, 0, parent)

    def flow(self, source, target, name=None, cond=None, id=None, via=None):
        fid = id or f"f_{source}_{target}"
        self.flows.append({"id": fid, "source": source, "target": target, "name": name, "cond": cond, "via": via})
        return fid

    # ---- geometry ----------------------------------------------------------------------------------
    def bounds(self, n):
        if n.tag == "subProcess":
            xs, ys, xe, ye = [], [], [], []
            for c in n.children:
                x, y, w, h = self.bounds(c)
                xs.append(x); ys.append(y); xe.append(x + w); ye.append(y + h)
            pad = 30
            return (min(xs) - pad, min(ys) - pad - 10, max(xe) - min(xs) + 2 * pad, max(ye) - min(ys) + 2 * pad + 30)
        if n.tag == "boundaryEvent":
            hx, hy, hw, hh = self.bounds(n.attached)
            return (hx + hw - 46 - n.slot * 40, hy + hh - 18, 36, 36)
        w, h = n.size()
        cx = X0 + n.col * COL_W + 50
        cy = Y0 + n.row * ROW_H + 40
        return (cx - w / 2, cy - h / 2, w, h)

    def waypoints(self, f):
        s, t = self.nodes[f["source"]], self.nodes[f["target"]]
        sx, sy, sw, sh = self.bounds(s)
        tx, ty, tw, th = self.bounds(t)
        if s.tag == "boundaryEvent":
            start = (sx + sw / 2, sy + sh)
            if abs((ty + th / 2) - start[1]) < 1:
                return [start, (tx, ty + th / 2)]
            return [start, (start[0], ty + th / 2), (tx, ty + th / 2)] if tx > start[0] else [start, (start[0], ty + th / 2), (tx + tw, ty + th / 2)]
        if f["via"] is not None:
            # a loop: leave by the bottom (or top), run along row `via`, enter the target by its bottom (top)
            lane_y = Y0 + f["via"] * ROW_H + 40
            sxm, txm = sx + sw / 2, tx + tw / 2
            s_edge = sy + sh if lane_y > sy else sy
            t_edge = ty + th if lane_y > ty else ty
            return [(sxm, s_edge), (sxm, lane_y), (txm, lane_y), (txm, t_edge)]
        scy, tcy = sy + sh / 2, ty + th / 2
        if abs(scy - tcy) < 1:
            return [(sx + sw, scy), (tx, tcy)]
        if "Gateway" in s.tag:
            # leave a gateway by its top or bottom corner, then go right
            sxm = sx + sw / 2
            return [(sxm, sy if tcy < scy else sy + sh), (sxm, tcy), (tx, tcy)]
        if "Gateway" in t.tag:
            txm = tx + tw / 2
            return [(sx + sw, scy), (txm, scy), (txm, ty if scy < tcy else ty + th)]
        mid = (sx + sw + tx) / 2
        return [(sx + sw, scy), (mid, scy), (mid, tcy), (tx, tcy)]

    # ---- output ------------------------------------------------------------------------------------
    def _node_xml(self, n, indent):
        attrs = f"id={q(n.id)} name={q(n.name)}" + "".join(f" {k}={q(v)}" for k, v in n.attrs.items())
        if n.tag == "subProcess":
            inner = "".join(self._node_xml(c, indent + "  ") for c in n.children)
            inner += "".join(self._flow_xml(f, indent + "  ") for f in self.flows if self.nodes[f["source"]].parent == n.id)
            return f"{indent}<bpmn:subProcess {attrs}>\n{inner}{indent}</bpmn:subProcess>\n"
        if n.body:
            return f"{indent}<bpmn:{n.tag} {attrs}>{n.body}</bpmn:{n.tag}>\n"
        return f"{indent}<bpmn:{n.tag} {attrs} />\n"

    def _flow_xml(self, f, indent):
        attrs = f"id={q(f['id'])} sourceRef={q(f['source'])} targetRef={q(f['target'])}"
        if f["name"]:
            attrs += f" name={q(f['name'])}"
        if f["cond"]:
            return f'{indent}<bpmn:sequenceFlow {attrs}><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(f["cond"])}</bpmn:conditionExpression></bpmn:sequenceFlow>\n'
        return f"{indent}<bpmn:sequenceFlow {attrs} />\n"

    def xml(self):
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
               '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
               'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
               'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
               'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
               f'id="defs_{self.key}" targetNamespace="https://anju.jiangyin.gov.cn/procedures" exporter="anju definitions/tools/bpmngen.py" exporterVersion="1">\n']
        out.append(f'  <bpmn:process id={q(self.key)} name={q(self.name)} isExecutable="true">\n')
        if self.documentation:
            out.append(f"    <bpmn:documentation>{escape(self.documentation)}</bpmn:documentation>\n")
        for n in self.order:
            if n.parent is None:
                out.append(self._node_xml(n, "    "))
        for f in self.flows:
            if self.nodes[f["source"]].parent is None:
                out.append(self._flow_xml(f, "    "))
        out.append("  </bpmn:process>\n")
        out.append(f'  <bpmndi:BPMNDiagram id="diagram_{self.key}">\n    <bpmndi:BPMNPlane id="plane_{self.key}" bpmnElement={q(self.key)}>\n')
        # subprocesses first so their children are drawn on top
        ordered = [n for n in self.order if n.tag == "subProcess"] + [n for n in self.order if n.tag != "subProcess"]
        for n in ordered:
            x, y, w, h = self.bounds(n)
            extra = ' isExpanded="true"' if n.tag == "subProcess" else ""
            extra += ' isMarkerVisible="true"' if n.tag == "exclusiveGateway" else ""
            out.append(f'      <bpmndi:BPMNShape id="{n.id}_di" bpmnElement={q(n.id)}{extra}><dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" /></bpmndi:BPMNShape>\n')
        for f in self.flows:
            pts = "".join(f'<di:waypoint x="{x:.0f}" y="{y:.0f}" />' for x, y in self.waypoints(f))
            out.append(f'      <bpmndi:BPMNEdge id="{f["id"]}_di" bpmnElement={q(f["id"])}>{pts}</bpmndi:BPMNEdge>\n')
        out.append("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n")
        return "".join(out)

    def write(self, path):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(self.xml())
