package health.salus.demo;

import java.util.List;
import java.util.stream.Stream;

/**
 * Name and place pools. Common names only, combined at random, so no generated person is
 * anyone in particular. The Hispanic pools are kept apart so Spanish-speaking patients get
 * plausible names more often, never exclusively.
 */
final class NamePools {

    static final List<String> HISPANIC_FEMALE = List.of(
            "María", "Guadalupe", "Sofía", "Valentina", "Camila", "Ximena", "Lucía", "Isabella",
            "Daniela", "Mariana", "Gabriela", "Alejandra", "Rosa", "Carmen", "Verónica", "Yesenia",
            "Leticia", "Marisol", "Esperanza", "Adriana", "Paola", "Natalia", "Elena", "Araceli",
            "Beatriz");

    static final List<String> HISPANIC_MALE = List.of(
            "José", "Juan", "Luis", "Carlos", "Jesús", "Miguel", "Francisco", "Alejandro",
            "Javier", "Diego", "Mateo", "Santiago", "Emiliano", "Ricardo", "Fernando", "Rafael",
            "Eduardo", "Arturo", "Héctor", "Joaquín", "Andrés", "Manuel", "Óscar", "Ramón",
            "Gerardo");

    static final List<String> HISPANIC_FAMILY = List.of(
            "García", "Hernández", "Martínez", "López", "González", "Rodríguez", "Pérez",
            "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Reyes", "Cruz",
            "Morales", "Ortiz", "Gutiérrez", "Chávez", "Ramos", "Ruiz", "Mendoza", "Álvarez",
            "Castillo", "Jiménez", "Vásquez", "Romero", "Herrera", "Medina", "Aguilar", "Vargas",
            "Castro", "Delgado", "Soto", "Contreras", "Salazar", "Guerrero", "Estrada", "Ochoa");

    private static final List<String> OTHER_FEMALE = List.of(
            "Olivia", "Emma", "Charlotte", "Amelia", "Ava", "Mia", "Harper", "Evelyn", "Abigail",
            "Emily", "Elizabeth", "Sarah", "Jessica", "Jennifer", "Ashley", "Amanda", "Megan",
            "Rachel", "Hannah", "Lauren", "Nicole", "Samantha", "Katherine", "Rebecca", "Laura",
            "Michelle", "Stephanie", "Heather", "Melissa", "Kimberly", "Angela", "Deborah",
            "Linda", "Patricia", "Barbara", "Susan", "Karen", "Nancy", "Margaret", "Dorothy",
            "Betty", "Shirley", "Joyce", "Judith", "Aaliyah", "Imani", "Keisha", "Tamika",
            "Jasmine", "Destiny", "Ebony", "Latoya", "Nia", "Zora", "Mei", "Lin", "Yuki",
            "Sakura", "Ji-woo", "Min-seo", "Priya", "Ananya", "Aisha", "Fatima", "Layla", "Noor",
            "Leila", "Mai", "Linh", "Thu", "Chloe", "Grace", "Zoe", "Nora", "Ruth", "Ingrid",
            "Astrid", "Siobhan", "Aiyana", "Winona", "Talia", "Naomi", "Hana", "Esther");

    private static final List<String> OTHER_MALE = List.of(
            "Liam", "Noah", "Oliver", "Elijah", "James", "William", "Benjamin", "Lucas", "Henry",
            "Theodore", "Michael", "David", "John", "Robert", "Richard", "Joseph", "Thomas",
            "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Paul",
            "Andrew", "Joshua", "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward",
            "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jamal", "Darnell",
            "Malik", "Tyrone", "DeShawn", "Marcus", "Andre", "Terrence", "Kwame", "Jalen", "Wei",
            "Hiroshi", "Kenji", "Min-jun", "Ji-ho", "Raj", "Arjun", "Vikram", "Omar", "Ahmed",
            "Yusuf", "Ali", "Karim", "Minh", "Duc", "Tuan", "Bao", "Ethan", "Samuel", "Isaac",
            "Caleb", "Owen", "Declan", "Sean", "Lars", "Anders", "Dmitri", "Ivan", "Takoda",
            "Elan", "Ezra", "Levi", "Amir", "Kofi");

    private static final List<String> OTHER_FAMILY = List.of(
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
            "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson",
            "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
            "Wright", "Scott", "Hill", "Green", "Adams", "Nelson", "Baker", "Hall", "Campbell",
            "Mitchell", "Carter", "Roberts", "Phillips", "Evans", "Turner", "Parker", "Collins",
            "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper",
            "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ward", "Washington", "Jefferson",
            "Banks", "Freeman", "Coleman", "Simmons", "Nguyen", "Tran", "Pham", "Le", "Kim",
            "Park", "Choi", "Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Tanaka", "Sato",
            "Suzuki", "Patel", "Shah", "Singh", "Kumar", "Das", "Khan", "Haddad", "Nasser",
            "Rahman", "Abdi", "Okafor", "Mensah", "Begay", "Yazzie", "Tsosie", "Nez", "O'Brien",
            "Sullivan", "Murray", "Larsen", "Johansson", "Novak", "Kowalski", "Schmidt", "Weber",
            "Rossi", "Russo", "Cohen", "Levy", "Friedman", "Petrov", "Ivanova", "Dubois");

    static final List<String> FEMALE = concat(HISPANIC_FEMALE, OTHER_FEMALE);
    static final List<String> MALE = concat(HISPANIC_MALE, OTHER_MALE);
    static final List<String> FAMILY = concat(HISPANIC_FAMILY, OTHER_FAMILY);

    static final List<String> STREETS = List.of(
            "Mill", "University", "Southern", "Baseline", "Guadalupe", "Elliot", "Warner",
            "Ray", "McKellips", "Broadway", "Apache", "Rural", "McClintock", "Country Club",
            "Alma School", "Dobson", "Stapley", "Gilbert", "Val Vista", "Lindsay", "Power",
            "Ocotillo", "Palo Verde", "Mesquite", "Ironwood", "Saguaro", "Cholla", "Juniper",
            "Sycamore", "Cottonwood", "Desert Willow", "Camelback", "Indian School", "Thomas");

    static final List<String> STREET_SUFFIXES = List.of("St", "Ave", "Dr", "Rd", "Ln", "Way", "Pl");

    static final List<String> STREET_DIRECTIONS = List.of("N", "S", "E", "W");

    private NamePools() {
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
