"""Generates definitions/complaint-handling.bpmn (P1 投诉处理（接诉即办）). Run: python3 definitions/tools/complaint_handling.py"""
from bpmnwriter import Process, field, TOP, ROW
from starters import COMPLAINT_CATEGORIES as CATEGORIES, VIOLATIONS

CALLER_CHANNELS = [("12345", "12345热线"), ("phone", "来电"), ("visit", "来访")]
CALLBACK_CHANNELS = [("12345", "12345热线回访"), ("phone", "电话回访"), ("visit", "上门回访")]

FIRM_LIMIT = "${urgent ? hours(24) : workingDays(3)}"
FIRM_REMINDER = "${urgent ? hours(16) : workingDays(2)}"  # 2/3 of the limit

p = Process("complaint-handling", "投诉处理（接诉即办）",
            "P1, action plan §2 §5 §13 §14. An owner files on the portal, or staff enter a 12345 hotline case for an owner "
            "(variable owner). See definitions/README.md.")

# -- main line (row 1) ----------------------------------------------------------------------------------
p.start("filed", "业主投诉", 0, 1, initiator="initiator")
p.service("register", "登记投诉", 1, 1, "registerComplaint",
          filedAt="${now()}", dispatchCount="${0}", verifyReturns="${0}", reopenCount="${0}", reopened="${false}",
          handledOnTime="${true}", satisfactionDefaulted="${false}")
p.service("lookup", "查询小区信息", 2, 1, "lookupCompound")
p.user("accept", "社区受理", 3, 1, candidateGroups="community", dueDate="${workingDays(1)}", fields=[
    field("decision", "受理意见", "enum", [("accept", "受理，派物业办理"), ("reject", "不予受理"), ("refer", "涉嫌违法，移送执法")], required=True),
    field("category", "投诉类别", "enum", CATEGORIES, default="${category}", required=True),
    field("urgent", "紧急（24小时内办结）", "boolean", default="${urgent}"),
    field("rejectReason", "不予受理理由（非物业服务事项、重复投诉等）", maxlength=500),
    field("violationCategory", "违法行为类别（移送执法时必填）", "enum", VIOLATIONS, required_when="decision=refer"),
    field("acceptNote", "受理说明", maxlength=500),
])
p.gateway("acceptGw", "受理结果", 4, 1)
p.service("acceptRecord", "受理登记", 5, 1, "setVariables", acceptedAt="${now()}")
p.service("dispatch", "派单至物业", 6, 1, "setVariables",
          dispatchedAt="${now()}", firmDueAt=FIRM_LIMIT, dispatchCount="${dispatchCount + 1}")
p.user("handle", "物业处理", 7, 1, candidateGroups="property-firm", dueDate=FIRM_LIMIT, fields=[
    field("handlingResult", "处理结果", required=True, maxlength=1000),
    field("resultPhotos", "处理后照片（附件说明）", maxlength=500),
])
p.service("recordHandled", "记录办结时间", 8, 1, "setVariables",
          handledAt="${now()}", handledOnTime="${handledOnTime && now() <= date(firmDueAt)}")
p.user("verify", "社区核实", 9, 1, candidateGroups="community", dueDate="${workingDays(1)}", fields=[
    field("verification", "核实结论", "enum", [("done", "已办结"), ("not-done", "未办结，退回物业")], required=True),
    field("verifyNote", "核实意见", maxlength=500),
])
p.gateway("verifyGw", "核实结果", 10, 1)
p.gateway("reviewWhoGw", "回访对象", 11, 1)
p.user("review", "业主评价", 12, 1, assignee="${complainant}", dueDate="${workingDays(3)}", fields=[
    field("satisfaction", "满意度", "enum", [("satisfied", "满意"), ("basically-satisfied", "基本满意"), ("dissatisfied", "不满意")], required=True),
    field("reviewComment", "评价意见", maxlength=500),
])
p.gateway("reviewGw", "评价结果", 13, 1)
p.service("close", "结案", 14, 1, "setVariables",
          closedAt="${now()}", outcome="${satisfaction == 'dissatisfied' ? 'ruled' : 'resolved'}")
p.service("notifyResult", "告知投诉人办理结果", 15, 1, "notify", to="${complainant}", kind="result",
          title="您的投诉已办结：${compoundName}", body="您的投诉已办结，感谢您对物业服务的监督。")
p.end("closedEnd", "办结", 16, 1, terminate=True)

# A caller without an account (12345 hotline, phone, visit): the community calls back (回访) and records the
# caller's answer and how it was obtained; "no answer" is the 默认满意 of procedures.md, recorded by the person who tried.
p.user("callback", "回访来电人（记录来电人评价）", 12, 2, candidateGroups="community", dueDate="${workingDays(3)}", fields=[
    field("satisfaction", "来电人评价", "enum", [("satisfied", "满意"), ("basically-satisfied", "基本满意"), ("dissatisfied", "不满意"),
                                          ("no-answer", "未能联系到来电人（按默认满意）")], required=True),
    field("callbackChannel", "回访方式", "enum", CALLBACK_CHANNELS, required=True),
    field("callbackNote", "回访记录", required=True, maxlength=500),
])
p.timer("callbackOverdue", "回访超时（3个工作日）", "callback", "${workingDays(3)}", at=0.5)
p.service("escalateCallback", "回访超时督办通知", 14, 3, "notify", toGroup="street-office", kind="escalation",
          title="投诉回访超时督办：${compoundName}", body="社区未在3个工作日内回访来电人并记录评价，请督办。")
p.end("callbackEscalated", "已通知街道", 15, 3)

# -- loops above (row 0) ---------------------------------------------------------------------------------
p.service("returnToFirm", "退回物业重办", 10, 0, "setVariables", verifyReturns="${verifyReturns + 1}")
p.timer("reviewTimeout", "3个工作日未评价", "review", "${workingDays(3)}", interrupting=True, at=0.5, top=True)
p.service("defaultSatisfied", "默认满意", 12, 0, "setVariables", satisfaction="satisfied", satisfactionDefaulted="${true}")
p.user("reviewRuling", "街道裁定（业主仍不满意）", 13, 0, candidateGroups="street-office", dueDate="${workingDays(3)}", fields=[
    field("streetRuling", "裁定结论", "enum", [("firm-fulfilled", "物业已履责，投诉不成立"), ("firm-failed", "投诉成立，物业未履责")], required=True),
    field("rulingNote", "裁定意见", required=True, maxlength=1000),
])

# -- timers and escalations (rows 2-4) -------------------------------------------------------------------
p.timer("acceptOverdue", "受理超时（1个工作日）", "accept", "${workingDays(1)}", at=0.5)
p.service("escalateAccept", "受理超时督办通知", 3, 2, "notify", toGroup="street-office", kind="escalation",
          title="投诉受理超时督办：${compoundName}", body="社区未在1个工作日内受理业主投诉，请督办。")
p.end("acceptEscalated", "已通知街道", 3, 3)
p.timer("handleReminder", "催办（时限2/3）", "handle", FIRM_REMINDER, at=0.25)
p.service("remindFirm", "催办物业", 7, 2, "notify", toGroup="property-firm", kind="reminder",
          title="投诉办理催办：${compoundName}", body="投诉办理时限已过三分之二，请尽快处理并反馈结果。")
p.end("reminded", "已催办", 7, 3)
p.timer("handleOverdue", "办理超时（督办）", "handle", FIRM_LIMIT, at=0.75)
p.service("escalateFirm", "超时督办通知", 8, 2, "notify", toGroup="street-office", kind="escalation",
          title="物业投诉办理超时督办：${compoundName}", body="物业服务企业未在时限内办结投诉，请街道督办。")
p.user("supervise", "街道督办", 8, 3, candidateGroups="street-office", dueDate="${workingDays(1)}", fields=[
    field("supervisionNote", "督办措施", required=True, maxlength=1000),
])
p.end("supervised", "督办完成", 8, 4)
p.service("reopen", "重新派单（不满意）", 13, 2, "setVariables", reopenCount="${reopenCount + 1}", reopened="${true}", verifyReturns="${0}")
p.user("streetDecides", "街道裁决（两次退回）", 10, 3, candidateGroups="street-office", dueDate="${workingDays(3)}", fields=[
    field("decision2", "裁决结论", "enum", [("done", "认定已办结，转业主评价"), ("unresolved", "认定无法办结，结案")], required=True),
    field("decisionNote", "裁决意见", required=True, maxlength=1000),
])
p.gateway("streetGw", "裁决结果", 11, 3)
p.service("closeUnresolved", "记录未办结结案", 11, 4, "setVariables", closedAt="${now()}", outcome="unresolved", satisfaction="none")
p.service("notifyUnresolved", "告知投诉人裁决结果", 12, 4, "notify", to="${complainant}", kind="result",
          title="您的投诉已结案：${compoundName}", body="经街道裁决，您的投诉事项暂无法由物业办结，已结案：${decisionNote}")
p.end("unresolvedEnd", "裁决结案", 13, 4, terminate=True)

# -- reject and refer (rows 5-6) -------------------------------------------------------------------------
p.service("closeRejected", "记录不予受理", 5, 5, "setVariables", closedAt="${now()}", outcome="rejected", satisfaction="none")
p.service("notifyRejected", "告知不予受理", 6, 5, "notify", to="${complainant}", kind="result",
          title="您的投诉未予受理：${compoundName}", body="不予受理理由：${rejectReason}")
p.end("rejectedEnd", "不予受理", 7, 5, terminate=True)
p.service("referToEnforcement", "移送执法（启动执法线索移送）", 5, 6, "startProcess", definitionKey="enforcement-referral",
          copy="category=violationCategory,complaintCategory=category,description,location,photos,compoundName")
p.service("closeReferred", "记录移送", 6, 6, "setVariables", closedAt="${now()}", outcome="referred", satisfaction="none",
          referralInstanceId="${startedInstanceId}")
p.service("notifyReferred", "告知已移送执法", 7, 6, "notify", to="${complainant}", kind="result",
          title="您的投诉已移送执法部门：${compoundName}", body="您反映的问题涉嫌违法，已移送联合执法工作站处理。")
p.end("referredEnd", "移送执法结案", 8, 6, terminate=True)

# -- flows -----------------------------------------------------------------------------------------------
n = p.nodes
ROW0 = TOP + 40
BELOW2 = TOP + 2 * ROW + 40 + 65
p.flow("f_register", "filed", "register")
p.flow("f_lookup", "register", "lookup")
p.flow("f_accept", "lookup", "accept")
p.flow("f_acceptGw", "accept", "acceptGw")
p.flow("f_accepted", "acceptGw", "acceptRecord", "受理", "${decision == 'accept'}")
p.flow("f_rejected", "acceptGw", "closeRejected", "不予受理", "${decision == 'reject'}",
       via=[(n["acceptGw"].cx, n["closeRejected"].cy)])
p.flow("f_referred", "acceptGw", "referToEnforcement", "移送执法", "${decision == 'refer'}",
       via=[(n["acceptGw"].cx, n["referToEnforcement"].cy)])
p.flow("f_dispatch", "acceptRecord", "dispatch")
p.flow("f_handle", "dispatch", "handle")
p.flow("f_recordHandled", "handle", "recordHandled")
p.flow("f_verify", "recordHandled", "verify")
p.flow("f_verifyGw", "verify", "verifyGw")
p.flow("f_verified", "verifyGw", "reviewWhoGw", "已办结", "${verification == 'done'}")
p.flow("f_ownerReviews", "reviewWhoGw", "review", "业主本人评价", "${callerHasAccount}")
p.flow("f_callback", "reviewWhoGw", "callback", "无账号来电人：社区回访", "${!callerHasAccount}")
p.flow("f_callbackGw", "callback", "reviewGw")
p.flow("f_callbackNoAnswer", "reviewGw", "defaultSatisfied", "未能联系到来电人", "${satisfaction == 'no-answer'}",
       via=[(n["reviewGw"].cx, TOP - 10), (n["defaultSatisfied"].x + n["defaultSatisfied"].w + 10, TOP - 10)])
p.flow("f_escalateCallback", "callbackOverdue", "escalateCallback")
p.flow("f_callbackEscalated", "escalateCallback", "callbackEscalated")
p.flow("f_returned", "verifyGw", "returnToFirm", "未办结，退回", "${verification == 'not-done' && verifyReturns < 2}")
p.flow("f_returnLoop", "returnToFirm", "dispatch", "重新办理", via=[(n["dispatch"].cx + 20, ROW0)])
p.flow("f_streetDecides", "verifyGw", "streetDecides", "两次退回后仍未办结", "${verification == 'not-done' && verifyReturns >= 2}")
p.flow("f_streetGw", "streetDecides", "streetGw")
p.flow("f_streetDone", "streetGw", "reviewWhoGw", "认定已办结", "${decision2 == 'done'}")
p.flow("f_streetUnresolved", "streetGw", "closeUnresolved", "认定无法办结", "${decision2 == 'unresolved'}")
p.flow("f_notifyUnresolved", "closeUnresolved", "notifyUnresolved")
p.flow("f_unresolvedEnd", "notifyUnresolved", "unresolvedEnd")
p.flow("f_reviewGw", "review", "reviewGw")
p.flow("f_satisfied", "reviewGw", "close", "满意/基本满意", "${satisfaction == 'satisfied' || satisfaction == 'basically-satisfied'}")
p.flow("f_reopen", "reviewGw", "reopen", "不满意，重办一次", "${satisfaction == 'dissatisfied' && reopenCount < 1}")
p.flow("f_reopenLoop", "reopen", "dispatch", "重新派单",
       via=[(n["reopen"].cx, BELOW2), (n["dispatch"].x - 25, BELOW2), (n["dispatch"].x - 25, n["dispatch"].cy + 15)])
p.flow("f_reviewRuling", "reviewGw", "reviewRuling", "重办后仍不满意", "${satisfaction == 'dissatisfied' && reopenCount >= 1}")
p.flow("f_rulingClose", "reviewRuling", "close")
p.flow("f_defaultSatisfied", "reviewTimeout", "defaultSatisfied", via=[(n["reviewTimeout"].cx, n["defaultSatisfied"].y + 80)])
p.flow("f_defaultClose", "defaultSatisfied", "close", via=[(n["defaultSatisfied"].cx, TOP - 30), (n["close"].cx, TOP - 30)])
p.flow("f_notifyResult", "close", "notifyResult")
p.flow("f_closedEnd", "notifyResult", "closedEnd")
p.flow("f_escalateAccept", "acceptOverdue", "escalateAccept")
p.flow("f_acceptEscalated", "escalateAccept", "acceptEscalated")
p.flow("f_remindFirm", "handleReminder", "remindFirm")
p.flow("f_reminded", "remindFirm", "reminded")
p.flow("f_escalateFirm", "handleOverdue", "escalateFirm")
p.flow("f_supervise", "escalateFirm", "supervise")
p.flow("f_supervised", "supervise", "supervised")
p.flow("f_notifyRejected", "closeRejected", "notifyRejected")
p.flow("f_rejectedEnd", "notifyRejected", "rejectedEnd")
p.flow("f_closeReferred", "referToEnforcement", "closeReferred")
p.flow("f_notifyReferred", "closeReferred", "notifyReferred")
p.flow("f_referredEnd", "notifyReferred", "referredEnd")

p.write()

