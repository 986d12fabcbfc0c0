package health.salus.crypto.search;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.fhir.IndexValueTransform;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The search key: the public demo key serves demos and tests, never a production profile. */
class SearchKeyConfigurationTest {

    private static final String OWN_KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
        30, 31, 32});

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SearchKeyConfiguration.class);

    private ApplicationContextRunner withProfile(String profile) {
        return runner.withInitializer(context -> context.getEnvironment().setActiveProfiles(profile));
    }

    @Test
    void startsWithTheDemoKeyOutsideProduction() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(IndexValueTransform.class));
        withProfile("demo").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void refusesToStartUnderAProductionProfileWithTheDemoKey() {
        for (String profile : new String[] {"prod", "production"}) {
            withProfile(profile).run(context -> assertThat(context).hasFailed().getFailure()
                    .rootCause().hasMessageContaining("salus.crypto.search-key"));
            withProfile(profile).withPropertyValues("salus.crypto.search-key=" + SearchKeyConfiguration.DEMO_KEY)
                    .run(context -> assertThat(context).hasFailed());
        }
    }

    @Test
    void startsUnderAProductionProfileWithAKeyOfItsOwn() {
        withProfile("prod").withPropertyValues("salus.crypto.search-key=" + OWN_KEY)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(IndexValueTransform.class));
    }

    @Test
    void refusesAKeyOfTheWrongSizeOrEncoding() {
        runner.withPropertyValues("salus.crypto.search-key=" + Base64.getEncoder().encodeToString(new byte[16]))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("32 bytes"));
        runner.withPropertyValues("salus.crypto.search-key=not base64!")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("base64"));
    }
}
