"""Helpers shared by committee_formation.py and fund_normal_use.py on top of bpmnlayout (kept unchanged):
intermediate catch events (timer, message) and the message root element."""
from xml.sax.saxutils import escape

import bpmnlayout
from bpmnlayout import Node

bpmnlayout.SIZES.setdefault("intermediateCatchEvent", (36, 36))


def timer_catch(p, id, name, col, row, time_date):
    return p._add(Node("intermediateCatchEvent", id, name, col, row,
                       body=f"<bpmn:timerEventDefinition><bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">{escape(time_date)}</bpmn:timeDate></bpmn:timerEventDefinition>"))


def message_catch(p, id, name, col, row, message_id):
    return p._add(Node("intermediateCatchEvent", id, name, col, row,
                       body=f"<bpmn:messageEventDefinition messageRef=\"{message_id}\" />"))


def with_messages(xml, messages):
    """Inserts <bpmn:message> root elements before the process."""
    roots = "".join(f'  <bpmn:message id="{id}" name="{name}" />\n' for id, name in messages)
    return xml.replace("  <bpmn:process ", roots + "  <bpmn:process ", 1)
