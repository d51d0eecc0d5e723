"""Who may start each procedure, and its start form (issue 15: start authorization).

Every generator calls apply_all() after writing its file, and `python3 definitions/tools/starters.py` applies it to
the committed files by hand. It is idempotent: it rewrites camunda:candidateStarterGroups on the <bpmn:process> and
the camunda:formData of the none start event named here, whatever was there before.

The start form is the whole list of variables the API accepts at start (the Host refuses others); a field with the
property onBehalfOf names a person, and only the listed roles may name someone other than themselves (staff
entering a 12345 hotline case for an owner). Photos are not start variables: they are attachments of the case.
Roles: docs/procedures.md (complaints by owners, and community or street staff for a caller; emergency repairs by
firms, committees, communities and street offices; violation reports by firms, committees and owners; the quarterly assessment by administrators and the housing
bureau, besides its timer). Administrators may start anything; the per-compound assessment is only called.
"""
import glob
import json
import os
import re
from xml.sax.saxutils import quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
DEFINITIONS = os.path.join(HERE, "..")


def field(id, label, type="string", required=False, min=None, max=None, minlength=None, maxlength=None, values=None, on_behalf_of=None,
          required_when=None, caller=False):
    constraints = []
    if required:
        constraints.append('<camunda:constraint name="required" />')
    for name, value in (("minlength", minlength), ("maxlength", maxlength), ("min", min), ("max", max)):
        if value is not None:
            constraints.append(f'<camunda:constraint name="{name}" config="{value}" />')
    inner = "".join(f'<camunda:value id={quoteattr(v)} name={quoteattr(n)} />' for v, n in (values or []))
    properties = []
    if on_behalf_of:
        properties.append(f'<camunda:property id="onBehalfOf" value="{on_behalf_of}" />')
        if caller:
            # caller: the field describes a caller without an account (name, phone, channel), not a username: only
            # the listed roles may give it at all, whatever its value.
            properties.append('<camunda:property id="caller" value="true" />')
    if required_when:
        # "otherField=value1|value2": required when the other field has one of these values (checked by the Host).
        properties.append(f'<camunda:property id="requiredWhen" value={quoteattr(required_when)} />')
    if properties:
        inner += "<camunda:properties>" + "".join(properties) + "</camunda:properties>"
    if constraints:
        inner += "<camunda:validation>" + "".join(constraints) + "</camunda:validation>"
    return f'<camunda:formField id="{id}" label={quoteattr(label)} type="{type}">{inner}</camunda:formField>'


COMPLAINT_CATEGORIES = [("sanitation", "环境卫生"), ("facilities", "设施设备"), ("public-order", "治安秩序"), ("fire-safety", "消防安全"),
                        ("fees", "收费问题"), ("service-attitude", "服务态度"), ("other", "其他")]
with open(os.path.join(HERE, "..", "..", "src", "Host", "Reference", "violation-categories.json"), encoding="utf-8") as f:
    # The registry as shipped; a category an administrator adds later is offered once this is regenerated (routeViolation
    # checks the registry at run time either way).
    VIOLATIONS = [(c["id"], c["name"]) for c in json.load(f)["categories"]]

EMERGENCIES = [("elevator", "电梯严重故障"), ("fire-facilities", "消防设施、器材严重损坏"), ("facade", "建筑外立面有脱落危险"),
               ("wall-road", "围墙、道路坍塌"), ("leakage", "屋面、外墙渗漏"), ("drainage", "排水设施严重堵塞或损坏")]

# key -> (candidateStarterGroups, start event id, [fields]); None for the start event: no start form.
STARTERS = {
    "complaint-handling": ("owner,community,street-office", "filed", [
        # Required (docs/procedures.md P1: compound, category, ...); the community may correct it when accepting.
        field("category", "投诉类别", "enum", required=True, values=COMPLAINT_CATEGORIES),
        field("description", "问题描述", required=True, minlength=5, maxlength=1000),
        field("location", "具体位置", maxlength=200),
        field("contact", "联系电话", minlength=7, maxlength=20),
        field("urgent", "紧急", "boolean"),
        field("owner", "投诉业主（代为登记时填写业主账号）", maxlength=64, on_behalf_of="community,street-office"),
        # A caller without an account (12345 hotline, phone, visit): staff enter who called and how; the community
        # then calls back (回访) and records the caller's answer. Give either owner or these, not both.
        field("callerName", "来电人姓名（无账号来电人）", maxlength=50, on_behalf_of="community,street-office", caller=True),
        field("callerPhone", "来电人电话", minlength=7, maxlength=20, on_behalf_of="community,street-office", caller=True),
        field("callerChannel", "来电渠道", "enum", values=[("12345", "12345热线"), ("phone", "来电"), ("visit", "来访")],
              on_behalf_of="community,street-office", caller=True),
    ]),
    "emergency-repair": ("property-firm,owners-committee,community,street-office", "start", [
        field("emergencyKind", "紧急情况类别", "enum", required=True, values=EMERGENCIES),
        field("description", "险情描述", required=True, minlength=5, maxlength=1000),
        field("repairPlan", "维修方案", required=True, minlength=5, maxlength=2000),
        field("budget", "预算（元）", "long", required=True, min=1, max=100000000),
        field("contractor", "施工单位", required=True, maxlength=200),
        field("plannedDays", "计划工期（天）", "long", required=True, min=1, max=365),
        field("affectedUnits", "分摊范围：受益的幢、单元或房号（逗号分隔，空为全小区）", maxlength=2000),
    ]),
    # Owners report a violation they witness too (issue 18); they say what they did to stop it, if anything.
    "enforcement-referral": ("property-firm,owners-committee,owner", "start", [
        field("category", "违法行为类别", "enum", required=True, values=VIOLATIONS),
        field("location", "具体位置", required=True, maxlength=200),
        field("description", "情况描述", required=True, minlength=5, maxlength=1000),
        field("stopMeasures", "已采取的劝阻、制止措施", required=True, maxlength=1000),
        field("reporter", "报告人账号", maxlength=64, on_behalf_of="enforcement-station"),
    ]),
    "committee-formation": ("owner,street-office", "applied", [
        field("initiatedBy", "申请方式", "enum", required=True, values=[("owners", "业主联名申请"), ("developer", "建设单位申请"), ("street-office", "街道主动组建")]),
        field("applicantShare", "联名业主占比（0–1）", "double", required=True, min=0, max=1),
        field("applicationNote", "申请说明", maxlength=2000),
    ]),
    "fund-normal-use": ("owners-committee,property-firm", "planSubmitted", [
        field("planTitle", "方案名称", required=True, maxlength=200),
        field("planAmount", "方案金额（元）", "long", required=True, min=1, max=100000000),
        field("planYear", "计划年度", "long", required=True, min=2000, max=2100),
        field("raisesFund", "筹集或续筹维修资金", "boolean"),
    ]),
    # Action plan §12: the street office supervises the owners' assembly and committee of its compounds.
    "committee-supervision": ("street-office", "opened", [
        field("supervisionKind", "监督事项", "enum", required=True,
              values=[("adjust-committee", "业主委员会不能正常开展工作，召开业主大会临时会议调整"), ("unlawful-decision", "业主大会、业主委员会作出违法决定")]),
        field("situation", "情况说明（来源、反映人、主要问题）", required=True, minlength=5, maxlength=2000),
        field("decisionBy", "作出决定的组织（违法决定时必填）", "enum", values=[("owners-assembly", "业主大会"), ("owners-committee", "业主委员会")],
              required_when="supervisionKind=unlawful-decision"),
        field("decisionText", "决定内容（违法决定时必填）", maxlength=2000, required_when="supervisionKind=unlawful-decision"),
    ]),
    "quarterly-assessment": ("housing-bureau", "manualStart", [
        field("quarter", "考核季度（如 2026Q1）", maxlength=6, minlength=6),
    ]),
    "quarterly-assessment-compound": (None, None, []),
    "rectification": ("community,street-office", "found", [
        field("problem", "发现的问题", required=True, maxlength=2000),
        field("source", "问题来源", maxlength=200),
    ]),
}


def apply(key, xml):
    groups, start, fields = STARTERS[key]
    process = re.compile(r'<bpmn:process id="' + re.escape(key) + r'"([^>]*?)>')
    m = process.search(xml)
    if not m:
        raise SystemExit(f"{key}: no <bpmn:process id=\"{key}\">")
    attrs = re.sub(r'\s+camunda:candidateStarterGroups="[^"]*"', "", m.group(1))
    if groups:
        attrs += f' camunda:candidateStarterGroups="{groups}"'
    xml = xml[:m.start()] + f'<bpmn:process id="{key}"{attrs}>' + xml[m.end():]
    if start:
        event = re.compile(r'<bpmn:startEvent id="' + re.escape(start) + r'"([^>]*?)(/?)>')
        m = event.search(xml)
        if not m:
            raise SystemExit(f"{key}: no start event {start}")
        form = "<bpmn:extensionElements><camunda:formData>" + "".join(fields) + "</camunda:formData></bpmn:extensionElements>"
        if m.group(2) == "/":
            xml = xml[:m.start()] + f'<bpmn:startEvent id="{start}"{m.group(1).rstrip()}>{form}</bpmn:startEvent>' + xml[m.end():]
        else:
            rest = xml[m.end():]
            rest = re.sub(r'^<bpmn:extensionElements><camunda:formData>.*?</camunda:formData></bpmn:extensionElements>', "", rest, count=1, flags=re.S)
            xml = xml[:m.start()] + f'<bpmn:startEvent id="{start}"{m.group(1)}>{form}' + rest
    return xml


def apply_all():
    for path in sorted(glob.glob(os.path.join(DEFINITIONS, "*.bpmn"))):
        key = os.path.basename(path)[:-len(".bpmn")]
        with open(path, encoding="utf-8") as f:
            xml = f.read()
        new = apply(key, xml)
        if new != xml:
            with open(path, "w", encoding="utf-8") as f:
                f.write(new)


if __name__ == "__main__":
    apply_all()
