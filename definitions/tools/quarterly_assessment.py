"""Generates definitions/quarterly-assessment.bpmn and definitions/quarterly-assessment-compound.bpmn.

    python3 definitions/tools/quarterly_assessment.py

Every number of the procedure (cron, working days, weights, deduction, list shares) is here and lands in the
BPMN; the Host's handlers read them from the files, never from C#.
"""
import os
from bpmn_layout import Diagram, HEADER, attr, form, props

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

SCORE = {"required": True, "min": 0, "max": 100}
# The objection period (异议期) before the lists are published: ours (the action plan gives none; 5 working days is
# the usual period for objections to a 公示 in Jiangsu's practice).
OBJECTION_LIMIT = "${workingDays(5)}"


def city():
    d = Diagram("quarterly-assessment", "物业服务项目红黑榜考核")
    x = []
    x.append('<bpmn:process id="quarterly-assessment" name="物业服务项目“红黑榜”季度考核" isExecutable="true">')
    x.append('<bpmn:documentation>§13、§14、§15：每季度首个工作日启动，对全市有物业服务的小区并行考核，'
             '加权计分（投诉扣分），全市排名，发布红榜、黑榜；一年（4个季度）内两次列入黑榜的企业由所在镇（街）督办并记入信用记录。</bpmn:documentation>')
    # Cron: 09:00 on the 1st of January, April, July, October (China Standard Time).
    x.append('<bpmn:startEvent id="quarterStart" name="每季度首日 9:00 定时启动">'
             '<bpmn:outgoing>f_cron_wait</bpmn:outgoing>'
             '<bpmn:timerEventDefinition id="quarterStartTimer"><bpmn:timeCycle>0 0 9 1 1/3 ?</bpmn:timeCycle></bpmn:timerEventDefinition>'
             '</bpmn:startEvent>')
    # The cron cannot know holidays: wait until the first working day on or after day 1, 09:00.
    # workingDays(d, 1) from the day before gives day 1 itself when it is a working day, else the next one.
    x.append('<bpmn:intermediateCatchEvent id="waitFirstWorkingDay" name="等待季度首个工作日">'
             '<bpmn:incoming>f_cron_wait</bpmn:incoming><bpmn:outgoing>f_wait_merge</bpmn:outgoing>'
             '<bpmn:timerEventDefinition id="waitFirstWorkingDayTimer"><bpmn:timeDate>${workingDays(now().minusDays(1), 1)}</bpmn:timeDate></bpmn:timerEventDefinition>'
             '</bpmn:intermediateCatchEvent>')
    x.append('<bpmn:startEvent id="manualStart" name="按需启动（管理员）" camunda:initiator="initiator"><bpmn:outgoing>f_manual_merge</bpmn:outgoing></bpmn:startEvent>')
    x.append('<bpmn:exclusiveGateway id="startMerge" name="开始考核"><bpmn:incoming>f_wait_merge</bpmn:incoming><bpmn:incoming>f_manual_merge</bpmn:incoming><bpmn:outgoing>f_merge_list</bpmn:outgoing></bpmn:exclusiveGateway>')
    x.append('<bpmn:serviceTask id="listCompounds" name="列出有物业服务的小区" camunda:delegateExpression="${listManagedCompounds}">'
             '<bpmn:incoming>f_merge_list</bpmn:incoming><bpmn:outgoing>f_list_assess</bpmn:outgoing></bpmn:serviceTask>')
    x.append('<bpmn:callActivity id="assessCompound" name="各小区并行考核" calledElement="quarterly-assessment-compound">'
             '<bpmn:extensionElements>'
             '<camunda:in source="compound" target="compound"/><camunda:in source="quarter" target="quarter"/>'
             + props([("jurisdiction", "${compound}")]) +
             '</bpmn:extensionElements>'
             '<bpmn:incoming>f_list_assess</bpmn:incoming><bpmn:outgoing>f_assess_rank</bpmn:outgoing>'
             '<bpmn:multiInstanceLoopCharacteristics camunda:collection="${compounds}" camunda:elementVariable="compound"/>'
             '</bpmn:callActivity>')
    # Objection period (异议期) before publication: the ranking as it stands; the firm of each compound on the
    # provisional black list may object within OBJECTION_DAYS working days; the housing bureau answers (upholds or
    # corrects the score, with the reason); then the lists are ranked again and published.
    x.append('<bpmn:serviceTask id="rankLists" name="全市排名（公示前）" camunda:delegateExpression="${publishAssessmentLists}">'
             '<bpmn:extensionElements>' + props([("redShare", "0.1"), ("blackShare", "0.1"), ("stage", "provisional")]) + '</bpmn:extensionElements>'
             '<bpmn:incoming>f_assess_rank</bpmn:incoming><bpmn:outgoing>f_rank_gw</bpmn:outgoing></bpmn:serviceTask>')
    x.append('<bpmn:exclusiveGateway id="provisionalGateway" name="拟列入黑榜？" default="f_pgw_publish">'
             '<bpmn:incoming>f_rank_gw</bpmn:incoming><bpmn:outgoing>f_pgw_objection</bpmn:outgoing><bpmn:outgoing>f_pgw_publish</bpmn:outgoing></bpmn:exclusiveGateway>')
    x.append('<bpmn:subProcess id="objectionPeriod" name="异议期（拟列入黑榜的企业）">'
             '<bpmn:incoming>f_pgw_objection</bpmn:incoming><bpmn:outgoing>f_objection_publish</bpmn:outgoing>'
             '<bpmn:multiInstanceLoopCharacteristics camunda:collection="${provisionalBlack}" camunda:elementVariable="objectionEntry"/>')
    x.append('<bpmn:startEvent id="objectionStart" name="告知拟列入黑榜"><bpmn:outgoing>o_start_firm</bpmn:outgoing></bpmn:startEvent>')
    x.append('<bpmn:userTask id="firmObjection" name="物业企业确认或提出异议" camunda:candidateGroups="property-firm" camunda:dueDate="' + OBJECTION_LIMIT + '">'
             '<bpmn:documentation>本小区拟列入本季度物业服务项目黑榜（见 objectionEntry：小区、排名、综合得分）。'
             '如有异议，请在5个工作日内说明理由；逾期视为无异议。</bpmn:documentation>'
             '<bpmn:extensionElements>' + form([
                 ("objects", "是否提出异议", "enum", {"required": True, "values": [("none", "无异议"), ("object", "提出异议")]}),
                 ("objectionText", "异议理由", "string", {"maxlength": 2000}),
             ]) + props([("jurisdiction", "${objectionEntry.compound}")]) + '</bpmn:extensionElements>'
             '<bpmn:incoming>o_start_firm</bpmn:incoming><bpmn:outgoing>o_firm_gw</bpmn:outgoing></bpmn:userTask>')
    x.append('<bpmn:boundaryEvent id="objectionTimeout" name="异议期届满" attachedToRef="firmObjection">'
             '<bpmn:outgoing>o_timeout_end</bpmn:outgoing>'
             '<bpmn:timerEventDefinition id="objectionTimeoutTimer"><bpmn:timeDate>' + OBJECTION_LIMIT + '</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:boundaryEvent>')
    x.append('<bpmn:exclusiveGateway id="objectsGateway" name="提出异议？" default="o_gw_none">'
             '<bpmn:incoming>o_firm_gw</bpmn:incoming><bpmn:outgoing>o_gw_answer</bpmn:outgoing><bpmn:outgoing>o_gw_none</bpmn:outgoing></bpmn:exclusiveGateway>')
    x.append('<bpmn:userTask id="answerObjection" name="住建局答复异议" camunda:candidateGroups="housing-bureau" camunda:dueDate="${workingDays(5)}">'
             '<bpmn:documentation>拟列入黑榜小区的物业企业提出异议（objectionText）。维持原结果，或更正综合得分（填写更正后的得分），均须说明理由；答复告知企业，公布的榜单按更正后的得分排名。</bpmn:documentation>'
             '<bpmn:extensionElements>' + form([
                 ("objectionDecision", "答复结论", "enum", {"required": True, "values": [("uphold", "维持考核结果"), ("correct", "异议成立，更正综合得分")]}),
                 ("correctedScore", "更正后的综合得分（0–100，更正时填写）", "double", {"min": 0, "max": 100}),
                 ("objectionAnswer", "答复意见", "string", {"required": True, "maxlength": 2000}),
             ]) + props([("jurisdiction", "${objectionEntry.compound}")]) + '</bpmn:extensionElements>'
             '<bpmn:incoming>o_gw_answer</bpmn:incoming><bpmn:outgoing>o_answer_record</bpmn:outgoing></bpmn:userTask>')
    x.append('<bpmn:serviceTask id="recordAnswer" name="记录答复并告知企业" camunda:delegateExpression="${answerAssessmentObjection}">'
             '<bpmn:incoming>o_answer_record</bpmn:incoming><bpmn:outgoing>o_record_end</bpmn:outgoing></bpmn:serviceTask>')
    x.append('<bpmn:endEvent id="objectionAnswered" name="已答复"><bpmn:incoming>o_record_end</bpmn:incoming></bpmn:endEvent>')
    x.append('<bpmn:endEvent id="noObjection" name="无异议"><bpmn:incoming>o_gw_none</bpmn:incoming><bpmn:incoming>o_timeout_end</bpmn:incoming></bpmn:endEvent>')
    objection_flows = [
        ("o_start_firm", "objectionStart", "firmObjection", None, None),
        ("o_firm_gw", "firmObjection", "objectsGateway", None, None),
        ("o_gw_answer", "objectsGateway", "answerObjection", "提出异议", "${objects == 'object'}"),
        ("o_gw_none", "objectsGateway", "noObjection", "无异议", None),
        ("o_answer_record", "answerObjection", "recordAnswer", None, None),
        ("o_record_end", "recordAnswer", "objectionAnswered", None, None),
        ("o_timeout_end", "objectionTimeout", "noObjection", "逾期视为无异议", None),
    ]
    x += [flow(*f) for f in objection_flows]
    x.append('</bpmn:subProcess>')
    x.append('<bpmn:serviceTask id="publishLists" name="全市排名并发布红黑榜" camunda:delegateExpression="${publishAssessmentLists}">'
             '<bpmn:extensionElements>' + props([("redShare", "0.1"), ("blackShare", "0.1"),
                                                       # 多次列入黑榜 (§14): 2 times within 4 quarters (a year), this one included
                                                       ("repeatTimes", "2"), ("repeatWindow", "4")]) + '</bpmn:extensionElements>'
             '<bpmn:incoming>f_objection_publish</bpmn:incoming><bpmn:incoming>f_pgw_publish</bpmn:incoming><bpmn:outgoing>f_publish_gw</bpmn:outgoing></bpmn:serviceTask>')
    x.append('<bpmn:exclusiveGateway id="twiceGateway" name="有多次列入黑榜的企业？" default="f_gw_end">'
             '<bpmn:incoming>f_publish_gw</bpmn:incoming><bpmn:outgoing>f_gw_supervise</bpmn:outgoing><bpmn:outgoing>f_gw_end</bpmn:outgoing></bpmn:exclusiveGateway>')
    x.append('<bpmn:userTask id="supervise" name="督办多次列入黑榜的企业" camunda:candidateGroups="street-office" camunda:dueDate="${workingDays(10)}">'
             '<bpmn:extensionElements>'
             + form([("supervisionMeasures", "督办措施及整改要求", "string", {"required": True, "maxlength": 2000}),
                     ("rectificationDeadline", "整改期限", "date", {})])
             + props([("jurisdiction", "${twice.streetPath}")]) +
             '</bpmn:extensionElements>'
             '<bpmn:incoming>f_gw_supervise</bpmn:incoming><bpmn:outgoing>f_supervise_end</bpmn:outgoing>'
             '<bpmn:multiInstanceLoopCharacteristics camunda:collection="${blackRepeated}" camunda:elementVariable="twice"/>'
             '</bpmn:userTask>')
    x.append('<bpmn:endEvent id="endSupervised" name="督办完成"><bpmn:incoming>f_supervise_end</bpmn:incoming></bpmn:endEvent>')
    x.append('<bpmn:endEvent id="endPublished" name="考核结束"><bpmn:incoming>f_gw_end</bpmn:incoming></bpmn:endEvent>')
    flows = [
        ("f_cron_wait", "quarterStart", "waitFirstWorkingDay", None, None),
        ("f_wait_merge", "waitFirstWorkingDay", "startMerge", None, None),
        ("f_manual_merge", "manualStart", "startMerge", None, None),
        ("f_merge_list", "startMerge", "listCompounds", None, None),
        ("f_list_assess", "listCompounds", "assessCompound", None, None),
        ("f_assess_rank", "assessCompound", "rankLists", None, None),
        ("f_rank_gw", "rankLists", "provisionalGateway", None, None),
        ("f_pgw_objection", "provisionalGateway", "objectionPeriod", "有", "${provisionalBlack.size() > 0}"),
        ("f_pgw_publish", "provisionalGateway", "publishLists", "无", None),
        ("f_objection_publish", "objectionPeriod", "publishLists", None, None),
        ("f_publish_gw", "publishLists", "twiceGateway", None, None),
        ("f_gw_supervise", "twiceGateway", "supervise", "有", "${blackRepeated.size() > 0}"),
        ("f_supervise_end", "supervise", "endSupervised", None, None),
        ("f_gw_end", "twiceGateway", "endPublished", "无", None),
    ]
    for fid, s, t, name, cond in flows:
        n = f' name={attr(name)}' if name else ""
        c = f'<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{cond}</bpmn:conditionExpression>' if cond else ""
        x.append(f'<bpmn:sequenceFlow id="{fid}"{n} sourceRef="{s}" targetRef="{t}">{c}</bpmn:sequenceFlow>' if c
                 else f'<bpmn:sequenceFlow id="{fid}"{n} sourceRef="{s}" targetRef="{t}"/>')
    x.append('</bpmn:process>')

    d.place("quarterStart", "event", 120, 140)
    d.place("waitFirstWorkingDay", "event", 230, 140)
    d.place("manualStart", "event", 230, 260)
    d.place("startMerge", "gateway", 330, 140, marker=True)
    d.place("listCompounds", "task", 450, 140)
    d.place("assessCompound", "task", 610, 140)
    d.place("rankLists", "task", 770, 140)
    d.place("provisionalGateway", "gateway", 900, 140, marker=True)
    d.place("objectionPeriod", "sub", 1250, 380, w=640, h=300, expanded=True)
    d.place("objectionStart", "event", 980, 340)
    d.place("firmObjection", "task", 1080, 340)
    d.place("objectionTimeout", "event", 1100, 380)
    d.place("objectsGateway", "gateway", 1210, 340, marker=True)
    d.place("answerObjection", "task", 1330, 340)
    d.place("recordAnswer", "task", 1460, 340)
    d.place("objectionAnswered", "event", 1540, 440)
    d.place("noObjection", "event", 1210, 470)
    d.place("publishLists", "task", 1660, 140)
    d.place("twiceGateway", "gateway", 1790, 140, marker=True)
    d.place("supervise", "task", 1920, 250)
    d.place("endSupervised", "event", 2070, 250)
    d.place("endPublished", "event", 2070, 140)
    kinds = {"startMerge": "gateway", "twiceGateway": "gateway", "provisionalGateway": "gateway", "objectsGateway": "gateway"}
    explicit = {
        "f_manual_merge": [(248, 260), (330, 260), (330, 165)],
        "f_pgw_objection": [(900, 165), (900, 380), (930, 380)],
        "f_objection_publish": [(1570, 380), (1660, 380), (1660, 180)],
        "o_record_end": [(1510, 340), (1540, 340), (1540, 422)],
        "o_timeout_end": [(1100, 398), (1100, 470), (1192, 470)],
    }
    for fid, s, t, _, _ in flows + objection_flows:
        if fid in explicit:
            d.route(fid, s, t, explicit[fid])
        else:
            d.route(fid, s, t, kinds=(kinds.get(s, ""), kinds.get(t, "")))
    return HEADER.replace("{id}", "quarterly-assessment") + "\n".join(x) + "\n" + d.xml() + "\n</bpmn:definitions>\n"


def compound():
    d = Diagram("quarterly-assessment-compound", "小区季度考核")
    x = []
    x.append('<bpmn:error id="adjustmentReasonMissing" name="调整未说明理由" errorCode="adjustment-reason-missing"/>')
    x.append('<bpmn:process id="quarterly-assessment-compound" name="物业服务项目季度考核（单个小区）" isExecutable="true">')
    x.append('<bpmn:documentation>由“红黑榜”季度考核按小区调用，实例辖区为该小区：业主满意度测评、业委会评价（无业委会时跳过）、'
             '社区巡查、镇（街）巡查并行评分，住建局复核（可调整分数并说明理由），计算综合得分。</bpmn:documentation>')
    x.append('<bpmn:startEvent id="start" name="开始小区考核"><bpmn:outgoing>f_start_lookup</bpmn:outgoing></bpmn:startEvent>')
    x.append('<bpmn:serviceTask id="lookup" name="查询小区档案" camunda:delegateExpression="${lookupCompound}">'
             '<bpmn:incoming>f_start_lookup</bpmn:incoming><bpmn:outgoing>f_lookup_scoring</bpmn:outgoing></bpmn:serviceTask>')
    # Scoring subprocess: four inputs in parallel, 10 working days; 催办 at 7 and 督办 at 10 on the subprocess.
    x.append('<bpmn:subProcess id="scoring" name="并行评分（10个工作日）">'
             '<bpmn:incoming>f_lookup_scoring</bpmn:incoming><bpmn:outgoing>f_scoring_review</bpmn:outgoing>')
    x.append('<bpmn:startEvent id="scoringStart" name="开始评分"><bpmn:outgoing>s_start_fork</bpmn:outgoing></bpmn:startEvent>')
    x.append('<bpmn:parallelGateway id="fork" name="并行评分"><bpmn:incoming>s_start_fork</bpmn:incoming>'
             '<bpmn:outgoing>s_fork_owners</bpmn:outgoing><bpmn:outgoing>s_fork_committee</bpmn:outgoing>'
             '<bpmn:outgoing>s_fork_community</bpmn:outgoing><bpmn:outgoing>s_fork_street</bpmn:outgoing></bpmn:parallelGateway>')
    due = ' camunda:dueDate="${workingDays(10)}"'
    x.append('<bpmn:userTask id="ownersSurvey" name="录入业主满意度测评结果" camunda:candidateGroups="community"' + due + '>'
             '<bpmn:documentation>社区组织业主满意度测评（问卷或入户），录入结果：满意度得分（百分制）与参与户数。'
             '业主投票服务上线后可改为线上测评。</bpmn:documentation>'
             '<bpmn:extensionElements>' + form([
                 ("ownersScore", "业主满意度得分（0–100）", "long", SCORE),
                 ("surveyRespondents", "参与测评户数", "long", {"required": True, "min": 0}),
                 ("surveyNote", "测评方式及说明", "string", {"maxlength": 1000}),
             ]) + '</bpmn:extensionElements>'
             '<bpmn:incoming>s_fork_owners</bpmn:incoming><bpmn:outgoing>s_owners_join</bpmn:outgoing></bpmn:userTask>')
    x.append('<bpmn:exclusiveGateway id="committeeGateway" name="有业委会或物管会？" default="s_gw_none">'
             '<bpmn:incoming>s_fork_committee</bpmn:incoming><bpmn:outgoing>s_gw_committee</bpmn:outgoing><bpmn:outgoing>s_gw_none</bpmn:outgoing></bpmn:exclusiveGateway>')
    x.append('<bpmn:userTask id="committeeScoring" name="业委会评价合同履约情况" camunda:candidateGroups="owners-committee"' + due + '>'
             '<bpmn:extensionElements>' + form([
                 ("committeeScore", "合同履约评价得分（0–100）", "long", SCORE),
                 ("committeeNote", "评价说明", "string", {"maxlength": 1000}),
             ]) + '</bpmn:extensionElements>'
             '<bpmn:incoming>s_gw_committee</bpmn:incoming><bpmn:outgoing>s_committee_merge</bpmn:outgoing></bpmn:userTask>')
    x.append('<bpmn:exclusiveGateway id="committeeMerge" name="业委会评价完成"><bpmn:incoming>s_committee_merge</bpmn:incoming>'
             '<bpmn:incoming>s_gw_none</bpmn:incoming><bpmn:outgoing>s_committee_join</bpmn:outgoing></bpmn:exclusiveGateway>')
    x.append('<bpmn:userTask id="communityInspection" name="社区巡查评分" camunda:candidateGroups="community"' + due + '>'
             '<bpmn:extensionElements>' + form([
                 ("communityScore", "社区巡查得分（0–100）", "long", SCORE),
                 ("communityNote", "巡查发现的问题", "string", {"maxlength": 1000}),
             ]) + '</bpmn:extensionElements>'
             '<bpmn:incoming>s_fork_community</bpmn:incoming><bpmn:outgoing>s_community_join</bpmn:outgoing></bpmn:userTask>')
    x.append('<bpmn:userTask id="streetInspection" name="镇（街）巡查评分" camunda:candidateGroups="street-office"' + due + '>'
             '<bpmn:extensionElements>' + form([
                 ("streetScore", "镇（街）巡查得分（0–100）", "long", SCORE),
                 ("streetNote", "巡查发现的问题", "string", {"maxlength": 1000}),
             ]) + '</bpmn:extensionElements>'
             '<bpmn:incoming>s_fork_street</bpmn:incoming><bpmn:outgoing>s_street_join</bpmn:outgoing></bpmn:userTask>')
    x.append('<bpmn:parallelGateway id="join" name="评分汇总"><bpmn:incoming>s_owners_join</bpmn:incoming><bpmn:incoming>s_committee_join</bpmn:incoming>'
             '<bpmn:incoming>s_community_join</bpmn:incoming><bpmn:incoming>s_street_join</bpmn:incoming><bpmn:outgoing>s_join_end</bpmn:outgoing></bpmn:parallelGateway>')
    x.append('<bpmn:endEvent id="scoringEnd" name="评分完成"><bpmn:incoming>s_join_end</bpmn:incoming></bpmn:endEvent>')
    sub_flows = [
        ("s_start_fork", "scoringStart", "fork", None, None),
        ("s_fork_owners", "fork", "ownersSurvey", None, None),
        ("s_fork_committee", "fork", "committeeGateway", None, None),
        ("s_fork_community", "fork", "communityInspection", None, None),
        ("s_fork_street", "fork", "streetInspection", None, None),
        ("s_owners_join", "ownersSurvey", "join", None, None),
        ("s_gw_committee", "committeeGateway", "committeeScoring", "有", "${hasCommittee}"),
        ("s_gw_none", "committeeGateway", "committeeMerge", "无", None),
        ("s_committee_merge", "committeeScoring", "committeeMerge", None, None),
        ("s_committee_join", "committeeMerge", "join", None, None),
        ("s_community_join", "communityInspection", "join", None, None),
        ("s_street_join", "streetInspection", "join", None, None),
        ("s_join_end", "join", "scoringEnd", None, None),
    ]
    x += [flow(*f) for f in sub_flows]
    x.append('</bpmn:subProcess>')
    x.append('<bpmn:boundaryEvent id="scoringReminder" name="评分催办（7个工作日）" attachedToRef="scoring" cancelActivity="false">'
             '<bpmn:outgoing>f_reminder_notify</bpmn:outgoing>'
             '<bpmn:timerEventDefinition id="scoringReminderTimer"><bpmn:timeDate>${workingDays(7)}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:boundaryEvent>')
    x.append('<bpmn:sendTask id="notifyReminder" name="催办社区及镇（街）" camunda:delegateExpression="${notify}">'
             '<bpmn:extensionElements>' + props([
                 ("toGroup", "community"), ("kind", "reminder"),
                 ("title", "催办：${quarter} 物业服务季度考核评分"),
                 ("body", "${compoundName} 的季度考核评分将于 3 个工作日后到期，请督促尚未完成的评分（含业委会评价）。"),
             ]) + '</bpmn:extensionElements>'
             '<bpmn:incoming>f_reminder_notify</bpmn:incoming><bpmn:outgoing>f_reminder_end</bpmn:outgoing></bpmn:sendTask>')
    x.append('<bpmn:endEvent id="reminderEnd" name="已催办"><bpmn:incoming>f_reminder_end</bpmn:incoming></bpmn:endEvent>')
    x.append('<bpmn:boundaryEvent id="scoringOverdue" name="评分督办（10个工作日）" attachedToRef="scoring" cancelActivity="false">'
             '<bpmn:outgoing>f_overdue_notify</bpmn:outgoing>'
             '<bpmn:timerEventDefinition id="scoringOverdueTimer"><bpmn:timeDate>${workingDays(10)}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:boundaryEvent>')
    x.append('<bpmn:sendTask id="notifyOverdue" name="督办：通知镇（街）" camunda:delegateExpression="${notify}">'
             '<bpmn:extensionElements>' + props([
                 ("toGroup", "street-office"), ("kind", "escalation"),
                 ("title", "督办：${quarter} 物业服务季度考核评分逾期"),
                 ("body", "${compoundName} 的季度考核评分已超过 10 个工作日，请督促完成。"),
             ]) + '</bpmn:extensionElements>'
             '<bpmn:incoming>f_overdue_notify</bpmn:incoming><bpmn:outgoing>f_overdue_end</bpmn:outgoing></bpmn:sendTask>')
    x.append('<bpmn:endEvent id="overdueEnd" name="已督办"><bpmn:incoming>f_overdue_end</bpmn:incoming></bpmn:endEvent>')
    x.append('<bpmn:userTask id="bureauReview" name="住建局复核" camunda:candidateGroups="housing-bureau" camunda:dueDate="${workingDays(5)}">'
             '<bpmn:documentation>复核各项评分并给出复核得分；可对综合得分加减分（-10 至 +10），调整须说明理由。</bpmn:documentation>'
             '<bpmn:extensionElements>' + form([
                 ("bureauScore", "复核得分（0–100）", "long", SCORE),
                 ("adjustment", "综合得分调整（-10 至 +10，0 为不调整）", "long", {"default": 0, "min": -10, "max": 10}),
                 ("adjustmentReason", "调整理由（调整时必填）", "string", {"maxlength": 1000}),
             ]) + '</bpmn:extensionElements>'
             '<bpmn:incoming>f_scoring_review</bpmn:incoming><bpmn:incoming>f_reason_review</bpmn:incoming><bpmn:outgoing>f_review_compute</bpmn:outgoing></bpmn:userTask>')
    x.append('<bpmn:serviceTask id="compute" name="计算综合得分" camunda:asyncBefore="true" camunda:delegateExpression="${computeAssessmentScore}">'
             '<bpmn:extensionElements>' + props([
                 ("wOwners", "30"), ("wCommittee", "25"), ("wCommunity", "15"), ("wStreet", "15"), ("wBureau", "15"),
                 ("perComplaint", "2"), ("maxDeduction", "20"), ("reviewActivity", "bureauReview"),
                 # Weight of one accepted complaint (rejected, duplicate and referred ones do not count): by the
                 # complainant's satisfaction, or open; × cLateFactor when the firm reported after its limit.
                 ("cSatisfied", "0.5"), ("cBasicallySatisfied", "1"), ("cDissatisfied", "1.5"), ("cOpen", "1"), ("cLateFactor", "1.5"),
             ]) + '</bpmn:extensionElements>'
             '<bpmn:incoming>f_review_compute</bpmn:incoming><bpmn:outgoing>f_compute_end</bpmn:outgoing></bpmn:serviceTask>')
    x.append('<bpmn:boundaryEvent id="reasonMissing" name="调整未说明理由" attachedToRef="compute">'
             '<bpmn:outgoing>f_reason_review</bpmn:outgoing><bpmn:errorEventDefinition errorRef="adjustmentReasonMissing"/></bpmn:boundaryEvent>')
    x.append('<bpmn:endEvent id="end" name="得分已计算"><bpmn:incoming>f_compute_end</bpmn:incoming></bpmn:endEvent>')
    main_flows = [
        ("f_start_lookup", "start", "lookup", None, None),
        ("f_lookup_scoring", "lookup", "scoring", None, None),
        ("f_scoring_review", "scoring", "bureauReview", None, None),
        ("f_review_compute", "bureauReview", "compute", None, None),
        ("f_compute_end", "compute", "end", None, None),
        ("f_reminder_notify", "scoringReminder", "notifyReminder", None, None),
        ("f_reminder_end", "notifyReminder", "reminderEnd", None, None),
        ("f_overdue_notify", "scoringOverdue", "notifyOverdue", None, None),
        ("f_overdue_end", "notifyOverdue", "overdueEnd", None, None),
        ("f_reason_review", "reasonMissing", "bureauReview", "退回复核", None),
    ]
    x += [flow(*f) for f in main_flows]
    x.append('</bpmn:process>')

    # Layout: main row at y=290; the subprocess spans x 320..1060, y 40..540.
    d.place("start", "event", 100, 290)
    d.place("lookup", "task", 210, 290)
    d.place("scoring", "sub", 690, 290, w=740, h=500, expanded=True)
    d.place("scoringStart", "event", 370, 290)
    d.place("fork", "gateway", 450, 290)
    d.place("ownersSurvey", "task", 690, 100)
    d.place("committeeGateway", "gateway", 560, 210, marker=True)
    d.place("committeeScoring", "task", 690, 210)
    d.place("committeeMerge", "gateway", 820, 210, marker=True)
    d.place("communityInspection", "task", 690, 370)
    d.place("streetInspection", "task", 690, 480)
    d.place("join", "gateway", 930, 290)
    d.place("scoringEnd", "event", 1010, 290)
    d.place("scoringReminder", "event", 600, 540)
    d.place("notifyReminder", "task", 680, 640)
    d.place("reminderEnd", "event", 800, 640)
    d.place("scoringOverdue", "event", 880, 540)
    d.place("notifyOverdue", "task", 960, 640)
    d.place("overdueEnd", "event", 1080, 640)
    d.place("bureauReview", "task", 1160, 290)
    d.place("compute", "task", 1320, 290)
    d.place("reasonMissing", "event", 1320, 330)
    d.place("end", "event", 1460, 290)
    gateways = {"fork", "committeeGateway", "committeeMerge", "join"}
    boundaries = {"scoringReminder", "scoringOverdue", "reasonMissing"}
    explicit = {
        "s_fork_committee": [(450, 265), (450, 210), (535, 210)],
        "s_gw_none": [(560, 235), (560, 270), (820, 270), (820, 235)],
        "s_committee_join": [(845, 210), (930, 210), (930, 265)],
        "s_owners_join": [(740, 100), (930, 100), (930, 265)],
        "s_street_join": [(740, 480), (930, 480), (930, 315)],
        "s_community_join": [(740, 370), (930, 370), (930, 315)],
        "s_committee_merge": [(740, 210), (795, 210)],
        "f_reason_review": [(1320, 348), (1320, 380), (1160, 380), (1160, 330)],
    }
    for fid, s, t, _, _ in sub_flows + main_flows:
        k = ("boundary" if s in boundaries else "gateway" if s in gateways else "", "gateway" if t in gateways else "")
        d.route(fid, s, t, explicit.get(fid), kinds=k)
    return HEADER.replace("{id}", "quarterly-assessment-compound") + "\n".join(x) + "\n" + d.xml() + "\n</bpmn:definitions>\n"


def flow(fid, s, t, name, cond):
    n = f' name={attr(name)}' if name else ""
    if cond:
        return (f'<bpmn:sequenceFlow id="{fid}"{n} sourceRef="{s}" targetRef="{t}">'
                f'<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{cond}</bpmn:conditionExpression></bpmn:sequenceFlow>')
    return f'<bpmn:sequenceFlow id="{fid}"{n} sourceRef="{s}" targetRef="{t}"/>'


if __name__ == "__main__":
    for name, content in (("quarterly-assessment.bpmn", city()), ("quarterly-assessment-compound.bpmn", compound())):
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(content)
        print("wrote", name)

import starters  # noqa: E402  (who may start it, and its start form)
starters.apply_all()
