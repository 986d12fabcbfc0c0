package health.salus.patients.coverage;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The payers the clinic works with, from configuration ({@code salus.patients.payers}). A registration
 * naming a payer not listed here is refused with a field error rather than stored unverifiable.
 */
@Component
@EnableConfigurationProperties(PayerDirectory.PayerList.class)
public class PayerDirectory {

    private final List<Payer> payers;

    PayerDirectory(PayerList list) {
        this.payers = List.copyOf(list.payers());
    }

    public Optional<Payer> find(String payerId) {
        return payers.stream().filter(p -> p.id().equals(payerId)).findFirst();
    }

    public List<Payer> all() {
        return payers;
    }

    @ConfigurationProperties("salus.patients")
    record PayerList(List<Payer> payers) {
        PayerList {
            payers = payers == null ? List.of() : List.copyOf(payers);
        }
    }
}
