package health.salus.scheduling.availability;

import health.salus.scheduling.availability.ScheduleSettings.Hours;
import health.salus.scheduling.availability.ScheduleSettings.PractitionerSettings;
import health.salus.scheduling.availability.ScheduleSettings.SiteSettings;
import health.salus.security.SystemAccess;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opening hours for the demo clinic's three Arizona sites and twelve clinicians (the fixed shape of
 * the demo directory: ids loc-1…3 and prac-1…12), so slot search and booking work in the demo out of
 * the box. Set up once, when no site has a schedule yet; weekdays 08:00–17:00 with a 12:00–13:00 lunch.
 */
@Component
@ConditionalOnProperty(name = "salus.demo.enabled", havingValue = "true")
class DemoSchedules {

    private static final String[] SITES = {"loc-1", "loc-1", "loc-2", "loc-2", "loc-1", "loc-2", "loc-2", "loc-1",
        "loc-2", "loc-2", "loc-3", "loc-3"};
    private static final String[] SPECIALTIES = {"419772000", "419772000", "419772000", "419772000", "419192003",
        "419192003", "419192003", "394537008", "394537008", "394537008", "394579002", "394579002"};

    private final ScheduleSetup setup;
    private final SystemAccess system;
    private final JdbcClient jdbc;

    DemoSchedules(ScheduleSetup setup, SystemAccess system, JdbcClient jdbc) {
        this.setup = setup;
        this.system = system;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void openTheDemoClinic() {
        if (jdbc.sql("select count(*) from scheduling_location").query(Integer.class).single() > 0) {
            return;
        }
        system.run("demo-schedules", () -> {
            for (String site : List.of("loc-1", "loc-2", "loc-3")) {
                setup.configureSite(site, new SiteSettings("America/Phoenix", List.of()));
            }
            for (int i = 0; i < SITES.length; i++) {
                List<Hours> hours = new ArrayList<>();
                List<Hours> breaks = new ArrayList<>();
                for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                    hours.add(new Hours(SITES[i], day.name(), "08:00", "17:00"));
                    breaks.add(new Hours(SITES[i], day.name(), "12:00", "13:00"));
                }
                setup.configurePractitioner("prac-" + (i + 1), new PractitionerSettings(SPECIALTIES[i], 20,
                        ScheduleSetup.DEFAULT_BUFFER_MINUTES, hours, breaks, List.of()));
            }
        });
    }
}
