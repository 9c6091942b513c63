package org.lawflow.hearing;

import static org.lawflow.hearing.HearingTaskChecks.*;
import static org.lawflow.hearing.HearingVariables.*;

import java.time.LocalDate;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lawflow.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * 举行听证并制作笔录 (行政处罚法第六十四条第七项至第十项): the party's attendance first; when present, the record
 * with the party's signature or the host's note of the refusal. Nothing but an excused absence (延期) can be recorded
 * before the scheduled day.
 */
@Component("hearingRecordGuard")
class HearingRecordGuard implements TaskListener {

    static final Set<String> ATTENDANCES = Set.of("PRESENT", "EXCUSED", "ABSENT", "LEFT");

    private final HearingRecords records;

    HearingRecordGuard(HearingRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        String attendance = string(task, ATTENDANCE);
        if (attendance == null || !ATTENDANCES.contains(attendance)) {
            throw new InvalidInputException(ATTENDANCE, "请记录当事人到场情况：到场、有正当理由未到场、无正当理由未到场或中途退场");
        }
        LocalDate hearingDay = dateTime(required(task, HEARING_AT, "听证时间未安排")).toLocalDate();
        if (!"EXCUSED".equals(attendance) && today().isBefore(hearingDay)) {
            // a postponement the party asks for with good reason may be recorded before the day; nothing else
            throw new InvalidInputException(HEARING_AT, "听证定于" + chinese(hearingDay) + "举行，今天（" + chinese(today())
                    + "）不能记录听证笔录或当事人到场情况；请在听证日期当日或之后记录");
        }
        if (!"PRESENT".equals(attendance)) {
            required(task, "attendanceNote", "请记录未到场或中途退场的经过，以及是否有正当理由");
            record(records, task, "听证到场情况", ("EXCUSED".equals(attendance) ? "当事人有正当理由未到场，听证延期举行"
                    : "ABSENT".equals(attendance) ? "当事人无正当理由未到场" : "当事人未经许可中途退场")
                    + "；" + string(task, "attendanceNote"));
            return;
        }
        required(task, "investigatorStatement", "请记录调查人员提出的违法事实、证据和行政处罚建议");
        required(task, "partyDefence", "请记录当事人的申辩意见");
        required(task, "crossExamination", "请记录质证情况");
        boolean signed = isTrue(task, "partySigned");
        task.setVariable("partySigned", signed);
        if (!signed) {
            required(task, "signatureRefusalNote", "当事人或其代理人拒绝签字或盖章的，由听证主持人在笔录中注明");
        }
        // the record's substance goes into the case file, so the report's writer and the reviewer read it in the dossier
        record(records, task, "听证笔录", "当事人到场；调查人员：" + string(task, "investigatorStatement")
                + "；当事人申辩：" + string(task, "partyDefence") + "；质证：" + string(task, "crossExamination") + "；"
                + (signed ? "当事人已签字" : "当事人拒绝签字：" + string(task, "signatureRefusalNote")));
    }
}
