"""Generates definitions/committee-supervision.bpmn (§12 业主自治组织监督). Run: python3 definitions/tools/committee_supervision.py

Action plan §12: 业主委员会不能正常开展工作的，镇（街）园区应当组织召开业主大会临时会议对其进行调整；业主大会、业主委员会
作出违法决定的，由镇（街）园区责令改正或撤销其决定，并通告全体业主。
"""
import json

from bpmnwriter import Process, field, TOP, ROW

# Every number of this procedure (also in definitions/README.md):
MEETING_NOTICE_DAYS = "15"   # 物业管理条例 art. 14: owners are told of a meeting at least 15 days before it
BALLOT_DAYS = "10"           # the meeting's vote is open 10 working days, as the other owners' votes
RESULT_NOTICE_DAYS = "7"     # results and rulings are posted 7 days, as the other notices
INQUIRY_DUE = "${workingDays(10)}"
VERIFY_DUE = "${workingDays(5)}"
CORRECT_DUE = "${workingDays(correctDays)}"  # the street office sets correctDays (1–60 working days) in its ruling

ADJUST_QUESTIONS = json.dumps([
    # Electing or replacing committee members is art. 278 item (3): an ordinary matter.
    {"id": "adjust", "text": "${adjustProposal}", "item": 3, "matter": "ordinary"},
], ensure_ascii=False)

p = Process("committee-supervision", "业主自治组织监督（临时会议调整、责令改正或撤销违法决定）",
            "Action plan §12: the street office calls an extraordinary owners' general meeting to adjust an owners' committee "
            "that cannot work normally, and orders the owners' assembly or committee to correct an unlawful decision or annuls it, "
            "with notice to all owners. See definitions/README.md.")
p.message("Msg_ballotClosed", "ballot-closed")

r = 1
p.start("opened", "街道启动监督", 0, r, initiator="initiator")
p.service("lookup", "查询小区信息", 1, r, "lookupCompound")
p.gateway("kindGw", "监督事项", 2, r, default="f_toReview")

# -- A: the committee cannot work normally → extraordinary meeting (row 1) ---------------------------------
p.user("inquire", "核查业委会履职情况", 3, r, candidateGroups="street-office", dueDate=INQUIRY_DUE, fields=[
    field("inquiryFindings", "核查情况", required=True, maxlength=2000),
    field("inquiryResult", "核查结论", "enum", [("adjust", "不能正常开展工作，召开业主大会临时会议调整"), ("no-adjust", "能够正常开展工作，不予调整")], required=True),
    field("adjustProposal", "临时会议表决事项（如罢免、补选委员；调整时必填）", maxlength=1000, required_when="inquiryResult=adjust"),
])
p.gateway("inquiryGw", "是否调整", 4, r, default="f_noAdjust")
p.service("recordNoAdjust", "记录不予调整", 4, 0, "setVariables", outcome="not-adjusted")
p.end("noAdjustEnd", "不予调整，结案", 5, 0, terminate=True)
p.service("postMeeting", "通告召开业主大会临时会议", 5, r, "postPublicNotice", days=MEETING_NOTICE_DAYS,
          title="关于召开${compoundName}业主大会临时会议的通告",
          body="经街道核查，业主委员会不能正常开展工作：${inquiryFindings}。街道组织召开业主大会临时会议，表决事项：${adjustProposal}。")
p.timer_catch("meetingNoticeWait", "会议通告期满", 6, r, "${date(noticeUntil)}")
p.service("openAdjustVote", "业主大会临时会议表决", 7, r, "openBallot",
          title="${compoundName}业主大会临时会议：调整业主委员会", questions=ADJUST_QUESTIONS, days=BALLOT_DAYS)
p.message_catch("adjustVoteClosed", "投票结束", 8, r, "Msg_ballotClosed")
p.service("recordAdjustment", "记录表决结果", 9, r, "setVariables",
          outcome="${ballotApproved ? 'committee-adjusted' : 'adjustment-rejected'}")
p.service("postAdjustResult", "公告临时会议表决结果", 10, r, "postPublicNotice", days=RESULT_NOTICE_DAYS,
          title="${compoundName}业主大会临时会议表决结果公告",
          body="表决事项：${adjustProposal}。表决结果：${ballotApproved ? '通过' : (ballotQuorum ? '未获通过' : '参与表决的业主未达法定人数，未通过')}。")
p.service("notifyAdjustResult", "告知业委会和社区", 11, r, "notify", toGroup="owners-committee,community", kind="result",
          title="业主大会临时会议表决结果：${compoundName}", body="${adjustProposal}：${ballotApproved ? '通过' : '未通过'}")
p.end("adjustEnd", "临时会议结束", 12, r, terminate=True)

# -- B: an unlawful decision of the owners' assembly or committee (rows 3-4) ----------------------------------
b = 3
p.user("reviewDecision", "审查业主大会、业委会决定", 3, b, candidateGroups="street-office", dueDate=INQUIRY_DUE, fields=[
    field("legalFinding", "审查意见", required=True, maxlength=2000),
    field("ruling", "处理决定", "enum", [("lawful", "决定不违法，不予处理"), ("correct", "责令改正"), ("annul", "撤销该决定")], required=True),
    field("legalBasis", "法律依据（责令改正、撤销时必填）", maxlength=1000, required_when="ruling=correct|annul"),
    field("correctDays", "改正期限（工作日，责令改正时必填）", "long", required_when="ruling=correct", min=1, max=60),
])
p.gateway("rulingGw", "处理决定", 4, b, default="f_lawful")
p.service("recordLawful", "记录不予处理", 4, b + 2, "setVariables", outcome="lawful")
p.end("lawfulEnd", "不予处理，结案", 5, b + 2, terminate=True)
p.service("notifyOrder", "送达责令改正通知", 5, b, "notify", toGroup="owners-committee", kind="result",
          title="责令改正通知：${compoundName}", body="${decisionText}。审查意见：${legalFinding}。依据：${legalBasis}。请在${correctDays}个工作日内改正并报告街道。")
p.user("correct", "业委会改正违法决定", 6, b, candidateGroups="owners-committee", dueDate=CORRECT_DUE, fields=[
    field("correctionReport", "改正情况", required=True, maxlength=2000),
])
p.timer("correctOverdue", "改正期限届满", "correct", CORRECT_DUE, interrupting=True)
p.user("verifyCorrection", "核查改正情况", 7, b, candidateGroups="street-office", dueDate=VERIFY_DUE, fields=[
    field("corrected", "核查结论", "enum", [("yes", "已改正"), ("no", "未改正，撤销该决定")], required=True),
    field("verifyNote", "核查意见", required=True, maxlength=1000),
])
p.gateway("correctedGw", "是否改正", 8, b, default="f_notCorrected")
p.service("recordCorrected", "记录已改正", 9, b, "setVariables", outcome="corrected",
          rulingText="责令改正，已改正：${verifyNote}")
p.service("recordAnnulled", "记录撤销决定", 9, b + 1, "setVariables", outcome="annulled",
          rulingText="撤销该决定（依据：${legalBasis}）")
p.service("postRuling", "通告全体业主", 10, b, "postPublicNotice", days=RESULT_NOTICE_DAYS,
          title="关于${compoundName}${decisionBy == 'owners-assembly' ? '业主大会' : '业主委员会'}违法决定的处理通告",
          body="决定内容：${decisionText}。街道审查意见：${legalFinding}。处理结果：${rulingText}。")
p.service("notifyOwners", "通知全体业主", 11, b, "notify", toGroup="owner,owners-committee,community", kind="result",
          title="${compoundName}：违法决定处理通告", body="处理结果：${rulingText}")
p.end("rulingEnd", "通告完毕，结案", 12, b, terminate=True)

n = p.nodes
p.flow("f_lookup", "opened", "lookup")
p.flow("f_kindGw", "lookup", "kindGw")
p.flow("f_toInquire", "kindGw", "inquire", "业委会不能正常开展工作", "${supervisionKind == 'adjust-committee'}")
p.flow("f_toReview", "kindGw", "reviewDecision", "违法决定", via=[(n["kindGw"].cx, n["reviewDecision"].cy)])
p.flow("f_inquiryGw", "inquire", "inquiryGw")
p.flow("f_adjust", "inquiryGw", "postMeeting", "调整", "${inquiryResult == 'adjust'}")
p.flow("f_noAdjust", "inquiryGw", "recordNoAdjust", "不予调整")
p.flow("f_noAdjustEnd", "recordNoAdjust", "noAdjustEnd")
p.flow("f_meetingWait", "postMeeting", "meetingNoticeWait")
p.flow("f_openAdjustVote", "meetingNoticeWait", "openAdjustVote")
p.flow("f_adjustVoteClosed", "openAdjustVote", "adjustVoteClosed")
p.flow("f_recordAdjustment", "adjustVoteClosed", "recordAdjustment")
p.flow("f_postAdjustResult", "recordAdjustment", "postAdjustResult")
p.flow("f_notifyAdjustResult", "postAdjustResult", "notifyAdjustResult")
p.flow("f_adjustEnd", "notifyAdjustResult", "adjustEnd")
p.flow("f_rulingGw", "reviewDecision", "rulingGw")
p.flow("f_order", "rulingGw", "notifyOrder", "责令改正", "${ruling == 'correct'}")
p.flow("f_annul", "rulingGw", "recordAnnulled", "撤销", "${ruling == 'annul'}",
       via=[(n["rulingGw"].cx, n["recordAnnulled"].cy)])
p.flow("f_lawful", "rulingGw", "recordLawful", "不违法", via=[(n["rulingGw"].cx, n["recordLawful"].cy)])
p.flow("f_lawfulEnd", "recordLawful", "lawfulEnd")
p.flow("f_correct", "notifyOrder", "correct")
p.flow("f_verify", "correct", "verifyCorrection")
p.flow("f_correctOverdue", "correctOverdue", "verifyCorrection",
       via=[(n["correct"].cx + 25, TOP + b * ROW + 100), (n["verifyCorrection"].cx, TOP + b * ROW + 100)])
p.flow("f_correctedGw", "verifyCorrection", "correctedGw")
p.flow("f_corrected", "correctedGw", "recordCorrected", "已改正", "${corrected == 'yes'}")
p.flow("f_notCorrected", "correctedGw", "recordAnnulled", "未改正", via=[(n["correctedGw"].cx, n["recordAnnulled"].cy)])
p.flow("f_postCorrected", "recordCorrected", "postRuling")
p.flow("f_postAnnulled", "recordAnnulled", "postRuling", via=[(n["postRuling"].cx, n["recordAnnulled"].cy)])
p.flow("f_notifyOwners", "postRuling", "notifyOwners")
p.flow("f_rulingEnd", "notifyOwners", "rulingEnd")

p.write()

