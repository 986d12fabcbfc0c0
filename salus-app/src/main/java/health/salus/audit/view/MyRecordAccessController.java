package health.salus.audit.view;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Who looked at my record" in plain English, for a patient about their own record, or a family member
 * or carer about a patient who granted them access ({@link MyRecordAccessReport} decides what is in it).
 */
@RestController
class MyRecordAccessController {

    static final String ACTION = MyRecordAccessReport.ACTION;

    private final MyRecordAccessReport report;
    private final PersonNames names;

    MyRecordAccessController(MyRecordAccessReport report, PersonNames names) {
        this.report = report;
        this.names = names;
    }

    /** One line of the report. */
    record Access(String when, String who, String role, String what, String purpose, boolean breakGlass) {
    }

    @GetMapping("/api/audit/my-record/accesses")
    List<Access> accesses(@RequestParam(required = false) String patient, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        MyRecordAccessReport.Report found = report.report(patient, from, to);
        PersonNames.Lookup lookup = names.lookup();
        String whose = found.reader().self() ? "your" : "their";
        return found.lines().stream().map(line -> {
            MyRecordAccessReport.Group group = line.group();
            return new Access(group.day().toString(), lookup.nameOf(group.actorId()), PlainLanguage.role(group.roles()),
                    PlainLanguage.what(group.action(), group.resourceType(), whose, line.items()),
                    PlainLanguage.purpose(group.purpose()), line.breakGlass());
        }).toList();
    }
}
