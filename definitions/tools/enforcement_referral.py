"""Writes definitions/enforcement-referral.bpmn (P3 执法线索报告移送、处置、反馈). Run: python3 definitions/tools/enforcement_referral.py"""
from bpmnwriter import Process, field, row_y
from starters import VIOLATIONS

DEPARTMENTS = [("chengguan", "城管局"), ("zhujian", "住建局"), ("gongan", "公安局"), ("shichang", "市场监管局"),
               ("shengtai", "生态环境局"), ("xiaofang", "消防救援大队"), ("yingji", "应急局")]
ARRIVAL = "${urgent ? hours(2) : workingDays(1)}"
# The reporter's confirmation: procedures.md gives no limit; 5 working days, then it counts as confirmed (默认确认).
CONFIRM_LIMIT = "${workingDays(5)}"

p = Process("enforcement-referral", "执法线索报告移送、处置、反馈",
            "《行动方案》第九、十条：物业企业、业主委员会劝阻制止无效的违法违规行为，报街道联合执法工作站登记，"
            "按类别移送牵头部门（多部门并行），紧急类2小时内、其他1个工作日内到场，调查处理，登记后5个工作日内反馈报告人。")
M = 3  # the main line's row

p.start("start", "报告执法线索", 0, M, initiator="initiator")
p.service("lookupCompound", "查询小区信息", 1, M, "lookupCompound")
p.service("resolveReporter", "确定报告人", 2, M, "firstOf",
          variable="reporter", **{"from": "reporter,owner,initiator"},
          doc="报告人：启动时给出的 reporter；由投诉转来时为投诉业主 owner；否则为报告的物业企业或业委会账号 initiator。")
p.user("register", "联合执法工作站登记", 3, M, candidateGroups="enforcement-station", dueDate="${workingDays(1)}", fields=[
    field("registerNote", "登记意见", required=True),
    field("category", "违法行为类别（登记时可更正，按更正后的类别确定牵头部门）", "enum", values=VIOLATIONS, default="${category}"),
    field("overrideLeading", "改派牵头部门（不选则按违法类别）", "enum", values=DEPARTMENTS),
])
p.timer("registerLate", "登记超时督办", "register", "${workingDays(1)}")
p.service("notifyRegisterLate", "通知街道督办登记", 4, M + 1, "notify",
          toGroup="street-office", kind="escalation",
          title="督办：${compoundName}执法线索超过1个工作日未登记", body="${description}")
p.end("registerLateEnd", "登记督办已发出", 5, M + 1)
p.service("fixDeadlines", "记录反馈期限", 4, M, "setVariables",
          feedbackDue="${workingDays(5)}", reviewDecision="none", confirmDefaulted="${false}",
          doc="登记之日起5个工作日内反馈报告人；报告人异议只复核一次（reviewDecision 记录复核结论）。")
p.service("route", "按类别确定牵头和协办部门", 5, M, "routeViolation")

# Handling: the leading department arrives, investigates and decides; supporting departments contribute in parallel.
p.subprocess("handling", "部门调查处理")
S = "handling"
p.start("handlingStart", "开始处理", 6, M, parent=S)
p.gateway("fork", "分送牵头和协办部门", 7, M, kind="parallel", parent=S)
p.user("arrive", "牵头部门到场核查", 8, M - 1, candidateGroups="${leadingGroup}", dueDate=ARRIVAL, parent=S, fields=[
    field("siteNote", "现场情况", required=True)])
p.timer("arriveLate", "到场超时督办", "arrive", ARRIVAL)
p.service("notifyArriveLate", "通知工作站和街道督办到场", 9, M, "notify",
          toGroup="enforcement-station,street-office", kind="escalation",
          title="督办：${leadingDepartmentName}未按时到场（${compoundName}，${categoryName}）", body="${description}", parent=S)
p.end("arriveLateEnd", "到场督办已发出", 10, M, parent=S)
p.user("investigate", "牵头部门调查处理", 9, M - 1, candidateGroups="${leadingGroup}", parent=S, fields=[
    field("findings", "调查情况", required=True),
    field("result", "处理结果", "enum", required=True,
          values=[("punish", "立案处罚"), ("rectify", "责令整改"), ("dismiss", "不予立案")]),
    field("rectifyDeadline", "整改期限（责令整改时必填）", "date", required_when="result=rectify"),
    field("dismissReason", "不予立案理由（不予立案时必填）", required_when="result=dismiss"),
])
p.gateway("resultGateway", "处理结果", 10, M - 1, default="f_resultGateway_resultMerge", parent=S)
p.timer_catch("rectifyWait", "等待整改期限届满", 11, M - 1, "${rectifyDeadline}", parent=S)
p.user("followUp", "整改复查", 12, M - 1, candidateGroups="${leadingGroup}", parent=S, fields=[
    field("rectified", "复查结论", "enum", required=True, values=[("yes", "已整改"), ("no", "未整改")]),
    field("followUpNote", "复查情况", required=True)])
p.gateway("rectifiedGateway", "是否整改到位", 13, M - 1, default="f_rectifiedGateway_resultMerge", parent=S)
p.gateway("resultMerge", "处理完毕", 14, M - 1, parent=S)
p.user("assist", "协办部门配合处理", 10, M + 1, candidateGroups="${deptGroup}", dueDate="${feedbackDue}", parent=S,
       multi=("${supportingGroups}", "deptGroup"), fields=[field("assistOpinion", "协办意见", required=True)])
p.gateway("join", "汇合", 15, M, kind="parallel", parent=S)
p.end("handlingEnd", "处理结束", 16, M, parent=S)

n = p.nodes
p.flow("f_handlingStart_fork", "handlingStart", "fork")
p.flow("f_fork_arrive", "fork", "arrive")
p.flow("f_fork_assist", "fork", "assist")
p.flow("f_arrive_investigate", "arrive", "investigate")
p.flow("f_arriveLate_notifyArriveLate", "arriveLate", "notifyArriveLate")
p.flow("f_notifyArriveLate_arriveLateEnd", "notifyArriveLate", "arriveLateEnd")
p.flow("f_investigate_resultGateway", "investigate", "resultGateway")
p.flow("f_resultGateway_rectifyWait", "resultGateway", "rectifyWait", "责令整改", "${result == 'rectify'}")
p.flow("f_resultGateway_resultMerge", "resultGateway", "resultMerge", "立案处罚或不予立案", via=[(n["resultGateway"].cx, row_y(M - 1.4)), (n["resultMerge"].cx, row_y(M - 1.4))])
p.flow("f_rectifyWait_followUp", "rectifyWait", "followUp")
p.flow("f_followUp_rectifiedGateway", "followUp", "rectifiedGateway")
p.flow("f_rectifiedGateway_investigate", "rectifiedGateway", "investigate", "未整改，继续处理", "${rectified == 'no'}", 
       via=[(n["rectifiedGateway"].cx, row_y(M - 0.45)), (n["investigate"].cx, row_y(M - 0.45))])
p.flow("f_rectifiedGateway_resultMerge", "rectifiedGateway", "resultMerge", "已整改")
p.flow("f_resultMerge_join", "resultMerge", "join")
p.flow("f_assist_join", "assist", "join")
p.flow("f_join_handlingEnd", "join", "handlingEnd")

# Feedback within 5 working days of registration: when handling takes longer, an interim feedback is due then.
p.timer("feedbackDueTimer", "反馈期限届满", "handling", "${feedbackDue}")
p.user("interimFeedback", "阶段性反馈报告人", 17, M + 2, candidateGroups="enforcement-station", fields=[
    field("interimText", "阶段性反馈内容", required=True)])
p.service("notifyInterim", "通知报告人处理进展", 18, M + 2, "notify",
          to="${reporter}", kind="result", title="执法线索处理进展：${categoryName}", body="${interimText}")
p.end("interimEnd", "阶段性反馈已发出", 19, M + 2)

p.user("feedback", "反馈报告人", 17, M, candidateGroups="enforcement-station", dueDate="${feedbackDue}", fields=[
    field("feedbackText", "反馈内容", required=True)])
p.service("notifyResult", "通知报告人处理结果", 18, M, "notify",
          to="${reporter}", kind="result", title="执法线索处理结果：${categoryName}", body="${feedbackText}")
p.user("confirm", "报告人确认", 19, M, assignee="${reporter}", dueDate=CONFIRM_LIMIT, fields=[
    field("reporterResponse", "对处理结果", "enum", required=True, values=[("confirm", "认可"), ("object", "有异议")]),
    field("objection", "异议理由（有异议时必填）", required_when="reporterResponse=object")])
p.timer("confirmLate", "确认期限届满", "confirm", CONFIRM_LIMIT, interrupting=True)
p.service("defaultConfirm", "默认确认", 19, M + 3, "setVariables",
          reporterResponse="confirm", confirmDefaulted="${true}",
          doc="报告人5个工作日内未确认也未提出异议的，视为认可处理结果（默认确认），办结。")
p.end("defaultConfirmed", "默认确认，办结", 20, M + 3)
p.gateway("confirmGateway", "是否认可", 20, M, default="f_confirmGateway_done")
p.end("done", "办结", 21, M)
p.gateway("reviewedGateway", "是否已复核", 21, M + 1, default="f_reviewedGateway_closedAfterReview")
p.end("closedAfterReview", "已复核过，异议存档办结", 22, M + 2)
p.user("review", "工作站复核", 22, M + 1, candidateGroups="enforcement-station", fields=[
    field("reviewDecision", "复核结论", "enum", required=True, values=[("uphold", "维持处理结果"), ("reopen", "重新交办处理")]),
    field("reviewNote", "复核意见", required=True),
    field("overrideLeading", "改派牵头部门（不选则按违法类别）", "enum", values=DEPARTMENTS),
])
p.gateway("reviewGateway", "复核结论", 23, M + 1, default="f_reviewGateway_notifyUpheld")
p.service("reopenDeadline", "重新计算反馈期限", 24, M - 2, "setVariables", feedbackDue="${workingDays(5)}",
          doc="重新交办后，自复核之日起5个工作日内再次反馈。")
p.service("notifyUpheld", "通知报告人复核结论", 24, M + 1, "notify",
          to="${reporter}", kind="result", title="执法线索复核结论：维持处理结果", body="${reviewNote}")
p.end("upheldEnd", "复核维持，办结", 25, M + 1)

p.flow("f_start_lookupCompound", "start", "lookupCompound")
p.flow("f_lookupCompound_resolveReporter", "lookupCompound", "resolveReporter")
p.flow("f_resolveReporter_register", "resolveReporter", "register")
p.flow("f_registerLate_notifyRegisterLate", "registerLate", "notifyRegisterLate")
p.flow("f_notifyRegisterLate_registerLateEnd", "notifyRegisterLate", "registerLateEnd")
p.flow("f_register_fixDeadlines", "register", "fixDeadlines")
p.flow("f_fixDeadlines_route", "fixDeadlines", "route")
p.flow("f_route_handling", "route", "handling")
p.flow("f_handling_feedback", "handling", "feedback")
p.flow("f_feedbackDueTimer_interimFeedback", "feedbackDueTimer", "interimFeedback")
p.flow("f_interimFeedback_notifyInterim", "interimFeedback", "notifyInterim")
p.flow("f_notifyInterim_interimEnd", "notifyInterim", "interimEnd")
p.flow("f_feedback_notifyResult", "feedback", "notifyResult")
p.flow("f_notifyResult_confirm", "notifyResult", "confirm")
p.flow("f_confirm_confirmGateway", "confirm", "confirmGateway")
p.flow("f_confirmGateway_done", "confirmGateway", "done", "认可")
p.flow("f_confirmLate_defaultConfirm", "confirmLate", "defaultConfirm")
p.flow("f_defaultConfirm_defaultConfirmed", "defaultConfirm", "defaultConfirmed")
p.flow("f_confirmGateway_reviewedGateway", "confirmGateway", "reviewedGateway", "有异议", "${reporterResponse == 'object'}")
p.flow("f_reviewedGateway_review", "reviewedGateway", "review", "未复核", "${reviewDecision == 'none'}")
p.flow("f_reviewedGateway_closedAfterReview", "reviewedGateway", "closedAfterReview", "已复核")
p.flow("f_review_reviewGateway", "review", "reviewGateway")
p.flow("f_reviewGateway_reopenDeadline", "reviewGateway", "reopenDeadline", "重新交办", "${reviewDecision == 'reopen'}")
p.flow("f_reopenDeadline_route", "reopenDeadline", "route", via=[(n["reopenDeadline"].cx, row_y(0.5)), (n["route"].cx, row_y(0.5))])
p.flow("f_reviewGateway_notifyUpheld", "reviewGateway", "notifyUpheld", "维持")
p.flow("f_notifyUpheld_upheldEnd", "notifyUpheld", "upheldEnd")

p.write()

