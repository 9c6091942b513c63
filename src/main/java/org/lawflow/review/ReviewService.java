package org.lawflow.review;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.lawflow.casefile.CaseEvents;
import org.lawflow.casefile.CaseFileService;
import org.lawflow.casefile.CaseFlows;
import org.lawflow.casefile.EnforcementCase;
import org.lawflow.identity.LawFlowUser;
import org.lawflow.system.InvalidInputException;
import org.lawflow.system.ChinaTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts the major-decision review of a case. */
@Service
class ReviewService {

    private final CaseFileService caseFiles;
    private final CaseFlows flows;
    private final CaseEvents events;
    private final ReviewStartCheck startCheck;

    ReviewService(CaseFileService caseFiles, CaseFlows flows, CaseEvents events, ReviewStartCheck startCheck) {
        this.caseFiles = caseFiles;
        this.flows = flows;
        this.events = events;
        this.startCheck = startCheck;
    }

    @Transactional
    ProcessInstance start(UUID caseId, LawFlowUser user) {
        EnforcementCase c = flows.lockForStart(caseFiles.getVisible(caseId, user));
        if (!c.isOfficer(user.id())) {
            throw new InvalidInputException("user", "只有本案执法人员可以提请审核");
        }
        startCheck.check(c, null);
        // filedOn at the start: the 60/80-day timers of the 90-day limit are set when the instance starts
        ProcessInstance instance = flows.start(ReviewVariables.PROCESS_KEY, c,
                Map.of(ReviewVariables.LEAD_OFFICER, user.id(), ReviewVariables.FILED_ON,
                        (c.filedOn() == null ? ChinaTime.today() : c.filedOn()).toString()));
        events.record(c.id(), user.id(), "提请审核", "启动重大行政执法决定法制审核程序", null);
        return instance;
    }
}
