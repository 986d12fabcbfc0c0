package health.salus.patients.mpi.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;

/**
 * A labelled test set for the matcher, from a seed: true people (English and Spanish names, many of
 * them common, some with compound surnames, twins sharing a household), the records registered for
 * them, and later records that are either the same person again, written the way front desks and
 * patients really get it wrong (typos, nicknames, swapped names, date slips, a move), or someone new
 * (including namesakes and twins of registered people). {@link #truth} says who is who.
 */
final class LabelledPeople {

    static final String SSN = "http://hl7.org/fhir/sid/us-ssn";

    record Person(int id, String given, String middle, String family, LocalDate birthDate, boolean female,
            String phone, String email, String street, String postalCode, String ssn) {
    }

    /** A record and the person it belongs to. */
    record Labelled(int personId, Patient patient, String variation) {
    }

    private static final String[] FEMALE = {"Maria", "Elizabeth", "Jennifer", "Patricia", "Linda", "Barbara",
        "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Margaret", "Lisa", "Betty", "Dorothy", "Sandra", "Ashley",
        "Kimberly", "Donna", "Emily", "Michelle", "Carol", "Amanda", "Melissa", "Deborah", "Rebecca", "Laura",
        "Guadalupe", "Josefa", "Carmen", "Rosa", "Ana", "Lucia", "Isabel", "Dolores", "Teresa", "Francisca",
        "Alejandra", "Veronica", "Gabriela", "Catherine", "Victoria", "Samantha", "Christina", "Judith", "Olivia"};
    private static final String[] MALE = {"James", "John", "Robert", "Michael", "William", "David", "Richard",
        "Joseph", "Thomas", "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Donald", "Steven", "Paul",
        "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George", "Edward", "Jose", "Francisco", "Juan", "Luis",
        "Manuel", "Antonio", "Jesus", "Pedro", "Alejandro", "Miguel", "Carlos", "Ricardo", "Eduardo", "Guillermo",
        "Ignacio", "Enrique", "Rafael", "Alfredo", "Samuel", "Benjamin", "Nicholas", "Timothy", "Gregory"};
    private static final String[] FAMILY = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
        "Garcia", "Rodriguez", "Wilson", "Martinez", "Anderson", "Taylor", "Thomas", "Hernandez", "Moore", "Martin",
        "Jackson", "Thompson", "White", "Lopez", "Lee", "Gonzalez", "Harris", "Clark", "Lewis", "Robinson", "Walker",
        "Perez", "Hall", "Young", "Allen", "Sanchez", "Wright", "King", "Scott", "Green", "Baker", "Adams", "Nelson",
        "Hill", "Ramirez", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres",
        "Parker", "Collins", "Edwards", "Stewart", "Flores", "Morris", "Nguyen", "Murphy", "Rivera", "Cook",
        "Rogers", "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell", "Gomez", "Kelly", "Howard", "Ward",
        "Cox", "Diaz", "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "James", "Reyes", "Cruz",
        "Hughes", "Price", "Myers", "Long", "Foster", "Sanders", "Ross", "Morales", "Powell", "Sullivan", "Russell",
        "Ortiz", "Jenkins", "Gutierrez", "Perry", "Butler", "Barnes", "Fisher", "Henderson", "Coleman", "Simmons",
        "Patterson", "Jordan", "Reynolds", "Hamilton", "Graham", "Kim", "Castillo", "Vasquez", "Mendoza", "Ruiz"};
    private static final String[] STREETS = {"Oak", "Maple", "Cedar", "Pine", "Elm", "Saguaro", "Mesquite",
        "Ocotillo", "Palo Verde", "Main", "Washington", "Lincoln", "Jefferson", "Park", "Lake", "Hill", "Sunset",
        "Highland", "Mission", "Alameda", "Central", "Camino Real", "Speedway", "Broadway", "Grant", "Campbell"};
    private static final String[] STREET_TYPES = {"Street", "Avenue", "Road", "Drive", "Lane", "Court", "Way"};
    private static final String[] NICK_FOR = {"Elizabeth:Liz", "Elizabeth:Beth", "Margaret:Peggy",
        "Margaret:Maggie", "Patricia:Patty", "Jennifer:Jenny", "Rebecca:Becky", "Deborah:Debbie", "Susan:Sue",
        "Catherine:Cathy", "Victoria:Vicky", "Samantha:Sam", "Christina:Tina", "Judith:Judy", "Dolores:Lola",
        "Guadalupe:Lupe", "Josefa:Pepa", "Teresa:Tere", "Francisca:Paca", "Alejandra:Ale", "Isabel:Chabela",
        "Robert:Bob", "Robert:Rob", "William:Bill", "William:Will", "James:Jim", "James:Jimmy", "John:Johnny",
        "Michael:Mike", "Richard:Rick", "Richard:Dick", "Joseph:Joe", "Thomas:Tom", "Charles:Charlie",
        "Charles:Chuck", "Christopher:Chris", "Daniel:Dan", "Matthew:Matt", "Anthony:Tony", "Donald:Don",
        "Steven:Steve", "Andrew:Andy", "Joshua:Josh", "Kenneth:Ken", "Edward:Ed", "Edward:Ted", "Jose:Pepe",
        "Francisco:Paco", "Francisco:Pancho", "Manuel:Manolo", "Antonio:Tono", "Jesus:Chuy", "Alejandro:Alex",
        "Eduardo:Lalo", "Guillermo:Memo", "Ignacio:Nacho", "Enrique:Kike", "Rafael:Rafa", "Samuel:Sam",
        "Benjamin:Ben", "Nicholas:Nick", "Timothy:Tim", "Gregory:Greg", "Ricardo:Ricky", "Pedro:Perico"};
    private static final String[] KEYBOARD = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private static final String[] DOMAINS = {"example.org", "mail.example.com", "example.net"};

    private final Random random;
    private final List<Person> people = new ArrayList<>();
    private final List<Labelled> registered = new ArrayList<>();
    private final List<Labelled> arrivals = new ArrayList<>();
    private int nextId;

    /** {@code size} registered people (about 6 % of them twins), and as many later records. */
    LabelledPeople(long seed, int size) {
        this.random = new Random(seed);
        while (people.size() < size) {
            Person person = person();
            register(person);
            if (random.nextDouble() < 0.06) {
                register(twinOf(person));
            }
        }
        for (Person person : List.copyOf(people)) {
            double roll = random.nextDouble();
            if (roll < 0.55) {
                Variation variation = vary(person);
                arrivals.add(new Labelled(person.id(), variation.patient(), variation.name()));
            } else if (roll < 0.65) {
                // a twin of a registered person coming in for the first time
                Person twin = twinOf(person);
                arrivals.add(new Labelled(twin.id(), patient(twin), "unregistered twin"));
            } else if (roll < 0.75) {
                // a namesake: same name (common ones are common), another birth date and household
                Person namesake = new Person(nextId++, person.given(), null, person.family(), birthDate(),
                        person.female(), phone(), null, street(), postalCode(), null);
                arrivals.add(new Labelled(namesake.id(), patient(namesake), "namesake"));
            } else if (roll < 0.85) {
                Person stranger = person();
                arrivals.add(new Labelled(stranger.id(), patient(stranger), "new person"));
            }
        }
    }

    List<Labelled> registered() {
        return registered;
    }

    List<Labelled> arrivals() {
        return arrivals;
    }

    private void register(Person person) {
        people.add(person);
        registered.add(new Labelled(person.id(), patient(person), "registered"));
    }

    private Person person() {
        boolean female = random.nextBoolean();
        boolean common = random.nextDouble() < 0.2;
        String given = common ? (female ? "Maria" : pick(new String[] {"Jose", "John", "Juan", "James"}))
                : pick(female ? FEMALE : MALE);
        String family = common ? pick(new String[] {"Garcia", "Smith", "Hernandez", "Lopez", "Rodriguez"})
                : pick(FAMILY);
        if (random.nextDouble() < 0.12) {
            family = family + " " + pick(FAMILY);
        }
        String middle = random.nextDouble() < 0.3 ? pick(female ? FEMALE : MALE) : null;
        String email = random.nextDouble() < 0.6
                ? (given + "." + family.replace(" ", "") + random.nextInt(100) + "@" + pick(DOMAINS)).toLowerCase(Locale.ROOT)
                : null;
        String ssn = random.nextDouble() < 0.3 ? String.format("%03d-%02d-%04d", 100 + random.nextInt(800),
                1 + random.nextInt(98), 1 + random.nextInt(9998)) : null;
        return new Person(nextId++, given, middle, family, birthDate(), female, phone(), email, street(), postalCode(),
                ssn);
    }

    /** Same household and birthday, another first name. */
    private Person twinOf(Person person) {
        boolean female = random.nextBoolean();
        String given;
        do {
            given = pick(female ? FEMALE : MALE);
        } while (given.equals(person.given()));
        return new Person(nextId++, given, null, person.family(), person.birthDate(), female, person.phone(), null,
                person.street(), person.postalCode(), null);
    }

    record Variation(Patient patient, String name) {
    }

    /** The same person registered again with one to three slips, changes or omissions. */
    private Variation vary(Person p) {
        String given = p.given();
        String family = p.family();
        String middle = p.middle();
        LocalDate birthDate = p.birthDate();
        String phone = p.phone();
        String email = p.email();
        String street = p.street();
        String postal = p.postalCode();
        String ssn = p.ssn();
        Boolean female = p.female();
        List<String> names = new ArrayList<>();
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            int kind = random.nextInt(14);
            switch (kind) {
                case 0 -> { given = typo(given); names.add("given typo"); }
                case 1 -> { family = typo(family); names.add("family typo"); }
                case 2 -> {
                    String nick = nickname(given);
                    if (nick != null) {
                        given = nick;
                        names.add("nickname");
                    }
                }
                case 3 -> { String t = given; given = family; family = t; names.add("names swapped"); }
                case 4 -> {
                    if (birthDate.getDayOfMonth() <= 12 && birthDate.getDayOfMonth() != birthDate.getMonthValue()) {
                        birthDate = LocalDate.of(birthDate.getYear(), birthDate.getDayOfMonth(), birthDate.getMonthValue());
                        names.add("day/month transposed");
                    }
                }
                case 5 -> { birthDate = oneDigitOff(birthDate); names.add("birth date digit"); }
                case 6 -> { birthDate = birthDate.plusYears(random.nextBoolean() ? 1 : -1); names.add("year off"); }
                case 7 -> { phone = phone(); street = street(); postal = postalCode(); names.add("moved"); }
                case 8 -> { email = null; phone = random.nextBoolean() ? null : phone; names.add("contact missing"); }
                case 9 -> { street = null; postal = null; names.add("address missing"); }
                case 10 -> {
                    if (family.contains(" ")) {
                        family = family.substring(0, family.indexOf(' '));
                        names.add("second surname dropped");
                    }
                }
                case 11 -> { female = null; middle = null; names.add("sex and middle missing"); }
                case 12 -> { ssn = null; email = email == null ? null : typo(email); names.add("email typo"); }
                default -> { phone = phone(); names.add("new phone"); }
            }
        }
        Person changed = new Person(p.id(), given, middle, family, birthDate, female != null && female, phone, email,
                street, postal, ssn);
        Patient patient = patient(changed);
        if (female == null) {
            patient.setGender(null);
        }
        return new Variation(patient, String.join(", ", names));
    }

    private String typo(String value) {
        if (value.length() < 3) {
            return value;
        }
        StringBuilder s = new StringBuilder(value);
        int at = 1 + random.nextInt(value.length() - 2);
        switch (random.nextInt(3)) {
            case 0 -> s.setCharAt(at, adjacent(s.charAt(at)));
            case 1 -> { char c = s.charAt(at); s.setCharAt(at, s.charAt(at + 1)); s.setCharAt(at + 1, c); }
            default -> s.deleteCharAt(at);
        }
        return s.toString();
    }

    private char adjacent(char c) {
        char lower = Character.toLowerCase(c);
        for (String row : KEYBOARD) {
            int i = row.indexOf(lower);
            if (i >= 0) {
                char next = row.charAt(i == 0 ? 1 : i == row.length() - 1 ? i - 1 : i + (random.nextBoolean() ? 1 : -1));
                return Character.isUpperCase(c) ? Character.toUpperCase(next) : next;
            }
        }
        return c;
    }

    private String nickname(String given) {
        List<String> options = new ArrayList<>();
        for (String pair : NICK_FOR) {
            if (pair.startsWith(given + ":")) {
                options.add(pair.substring(given.length() + 1));
            }
        }
        return options.isEmpty() ? null : options.get(random.nextInt(options.size()));
    }

    private LocalDate oneDigitOff(LocalDate date) {
        for (int attempt = 0; attempt < 20; attempt++) {
            char[] digits = date.toString().replace("-", "").toCharArray();
            int at = 2 + random.nextInt(6);
            digits[at] = (char) ('0' + random.nextInt(10));
            String text = new String(digits);
            try {
                LocalDate changed = LocalDate.parse(text.substring(0, 4) + "-" + text.substring(4, 6) + "-"
                        + text.substring(6));
                if (!changed.equals(date)) {
                    return changed;
                }
            } catch (java.time.format.DateTimeParseException invalid) {
                // not a date: try another digit
            }
        }
        return date.plusDays(1);
    }

    private Patient patient(Person p) {
        Patient patient = new Patient();
        var name = patient.addName().setFamily(p.family()).addGiven(p.given());
        if (p.middle() != null) {
            name.addGiven(p.middle());
        }
        patient.setBirthDateElement(new DateType(p.birthDate().toString()));
        patient.setGender(p.female() ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
        if (p.phone() != null) {
            patient.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(p.phone());
        }
        if (p.email() != null) {
            patient.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue(p.email());
        }
        if (p.street() != null) {
            patient.addAddress().addLine(p.street()).setCity("Tucson").setState("AZ").setPostalCode(p.postalCode());
        }
        if (p.ssn() != null) {
            patient.addIdentifier().setSystem(SSN).setValue(p.ssn());
        }
        return patient;
    }

    private LocalDate birthDate() {
        return LocalDate.of(1930, 1, 1).plusDays(random.nextInt(90 * 365));
    }

    private String phone() {
        return String.format("(%03d) %03d-%04d", 200 + random.nextInt(700), 200 + random.nextInt(700),
                random.nextInt(10000));
    }

    private String street() {
        return (1 + random.nextInt(9999)) + " " + pick(STREETS) + " " + pick(STREET_TYPES);
    }

    private String postalCode() {
        return String.valueOf(85700 + random.nextInt(60));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
