"""Generates definitions/rectification.bpmn (P7 问题清单整改). Run: python3 definitions/tools/rectification.py"""

from bpmnwriter import Process, field, TOP

PROBLEM_CATEGORIES = [
    ("sanitation", "环境卫生"), ("facilities", "配套设施"), ("security-risk", "治安风险隐患"), ("fire-risk", "消防安全隐患"),
    ("public-order", "公共秩序安全"), ("developer-duty", "开发建设单位履约"), ("firm-duty", "物业服务企业履约"),
    ("committee-duty", "业主委员会（物业管理委员会）履职"), ("other", "其他"),
]
UNITS = [("property-firm", "物业服务企业"), ("owners-committee", "业主委员会（物业管理委员会）"), ("community", "社区居委会")]
LIMIT = "${workingDays(rectifyDays)}"
# 2/3 of the limit in whole working days (rounded down); a 1-day limit is reminded after 16 hours
REMINDER = "${rectifyDays < 2 ? hours(16) : workingDays((2 * rectifyDays - (2 * rectifyDays) % 3) / 3)}"

p = Process("rectification", "问题清单整改",
            "P7, action plan §5 (牵头单位：各镇街园区): problem list, responsibility list and rectification list, responsible "
            "unit and deadline, posted publicly, rectified, verified, closed; overdue escalates. See definitions/README.md.")

p.start("found", "发现问题", 0, 1, initiator="initiator")
p.service("lookup", "查询小区信息", 1, 1, "lookupCompound")
p.user("assign", "建立问题、责任、整改清单", 2, 1, candidateGroups="street-office", dueDate="${workingDays(3)}", fields=[
    field("problemCategory", "问题类别", "enum", PROBLEM_CATEGORIES, required=True),
    field("problem", "问题描述", default="${problem}", required=True, maxlength=1000),
    field("responsibleUnit", "责任单位", "enum", UNITS, required=True),
    field("requirement", "整改要求", required=True, maxlength=1000),
    field("rectifyDays", "整改时限（工作日）", "long", required=True, min=1, max=120),
])
p.service("register", "登记清单", 3, 1, "setVariables",
          assignedAt="${now()}", rectifyDueAt=LIMIT, rectifiedOnTime="${true}", verifyReturns="${0}")
p.service("postList", "公示整改清单", 4, 1, "postPublicNotice", days="7",
          title="问题整改清单公示：${compoundName}",
          body="问题：${problem}；整改要求：${requirement}；整改时限：${rectifyDays}个工作日。欢迎监督。")
p.user("rectify", "整改落实", 5, 1, candidateGroups="${responsibleUnit}", dueDate=LIMIT, fields=[
    field("rectifyReport", "整改情况", required=True, maxlength=2000),
    field("rectifyPhotos", "整改后照片（附件说明）", maxlength=500),
])
p.service("recordRectified", "记录整改完成", 6, 1, "setVariables",
          rectifiedAt="${now()}", rectifiedOnTime="${rectifiedOnTime && now() <= date(rectifyDueAt)}")
p.user("verify", "整改验收", 7, 1, candidateGroups="street-office", dueDate="${workingDays(3)}", fields=[
    field("verification", "验收结论", "enum", [("passed", "验收通过"), ("failed", "验收不通过，继续整改")], required=True),
    field("verifyNote", "验收意见", maxlength=1000),
])
p.gateway("verifyGw", "验收结果", 8, 1)
p.service("postResult", "公示整改结果", 9, 1, "postPublicNotice", days="7",
          title="问题整改结果公示：${compoundName}", body="问题：${problem}；整改情况：${rectifyReport}；验收：通过。")
p.service("close", "销号", 10, 1, "setVariables", closedAt="${now()}", outcome="rectified")
p.service("notifyResult", "通知发现人整改结果", 11, 1, "notify", to="${initiator}", kind="result",
          title="问题已整改销号：${compoundName}", body="您发现的问题已整改并验收通过：${problem}")
p.end("closedEnd", "整改销号", 12, 1, terminate=True)

p.service("returnRectify", "退回继续整改", 8, 0, "setVariables",
          verifyReturns="${verifyReturns + 1}", rectifyDueAt=LIMIT)

p.timer("rectifyReminder", "催办（时限2/3）", "rectify", REMINDER, at=0.25)
p.service("remindUnit", "催办责任单位", 5, 2, "notify", toGroup="${responsibleUnit}", kind="reminder",
          title="整改催办：${compoundName}", body="整改时限已过三分之二，请按期完成整改：${problem}")
p.end("reminded", "已催办", 5, 3)
p.timer("rectifyOverdue", "整改逾期（督办）", "rectify", LIMIT, at=0.75)
p.service("escalate", "逾期督办通知", 6, 2, "notify", toGroup="street-office", kind="escalation",
          title="整改逾期督办：${compoundName}", body="责任单位未在时限内完成整改，请督办：${problem}")
p.user("supervise", "街道督办", 6, 3, candidateGroups="street-office", dueDate="${workingDays(1)}", fields=[
    field("supervisionNote", "督办措施", required=True, maxlength=1000),
])
p.end("supervised", "督办完成", 6, 4)

n = p.nodes
p.flow("f_lookup", "found", "lookup")
p.flow("f_assign", "lookup", "assign")
p.flow("f_register", "assign", "register")
p.flow("f_postList", "register", "postList")
p.flow("f_rectify", "postList", "rectify")
p.flow("f_recordRectified", "rectify", "recordRectified")
p.flow("f_verify", "recordRectified", "verify")
p.flow("f_verifyGw", "verify", "verifyGw")
p.flow("f_passed", "verifyGw", "postResult", "验收通过", "${verification == 'passed'}")
p.flow("f_failed", "verifyGw", "returnRectify", "验收不通过", "${verification == 'failed'}")
p.flow("f_returnLoop", "returnRectify", "rectify", "继续整改", via=[(n["rectify"].cx, TOP + 40)])
p.flow("f_close", "postResult", "close")
p.flow("f_notifyResult", "close", "notifyResult")
p.flow("f_closedEnd", "notifyResult", "closedEnd")
p.flow("f_remindUnit", "rectifyReminder", "remindUnit")
p.flow("f_reminded", "remindUnit", "reminded")
p.flow("f_escalate", "rectifyOverdue", "escalate")
p.flow("f_supervise", "escalate", "supervise")
p.flow("f_supervised", "supervise", "supervised")

p.write()

