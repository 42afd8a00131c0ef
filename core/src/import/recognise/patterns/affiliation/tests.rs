use super::*;

#[test]
fn affiliations_without_a_possessive_or_a_school_of_their_university() {
    assert_eq!(
        without_trailing_place("Institute for Global Resource Policy’s"),
        "Institute for Global Resource Policy"
    );
    assert_eq!(
        without_trailing_place("Northgate University Business School"),
        "Northgate University"
    );
    assert_eq!(
        without_trailing_place("University College Wexford"),
        "University College Wexford"
    );
    assert_eq!(
        without_job_titles("Member of the European Parliament").as_deref(),
        Some("European Parliament")
    );
    assert_eq!(
        without_job_titles("University of Vienna").as_deref(),
        Some("University of Vienna")
    );
}

#[test]
fn the_affiliation_a_bio_names_now_by_kind_and_by_its_university() {
    let cases = [
        (
            "Léa Roux is a translator and co-founder of Éditions du Phare, an independent press in Marseille.",
            "Éditions du Phare",
        ),
        (
            "Henrike Vos is co-founder of Herstelnet, a network of more than 300 repair cafés.",
            "Herstelnet",
        ),
        (
            "Matthias Kühn is chief economist at the Frankfurt pensions consultancy Altmark Partners and a former economist at the European Central Bank.",
            "Altmark Partners",
        ),
        (
            "Aisling Moran is a researcher in technology policy at the Digital Governance Lab, University College Wexford.",
            "University College Wexford",
        ),
        (
            "Dr Femi Adeyemi is an emergency medicine consultant at St Columba's Hospital, Leeds.",
            "St Columba's Hospital",
        ),
        (
            "Mirela Dobre is a curator and provenance researcher at the Nordic Museum of World Cultures in Gothenburg.",
            "Nordic Museum of World Cultures",
        ),
        (
            "Chikondi Banda is country director for Malawi at the Village Health Partnership.",
            "Village Health Partnership",
        ),
        (
            "Annika Mäkelä is a senior research fellow at the European Security Initiative in Brussels.",
            "European Security Initiative",
        ),
        (
            "Saoirse Delaney is a lecturer in information systems at Northgate University Business School.",
            "Northgate University",
        ),
        (
            "Henrik Aalto is a research associate in the Institute for Global Resource Policy’s energy transitions programme.",
            "Institute for Global Resource Policy",
        ),
    ];
    for (bio, org) in cases {
        assert_eq!(affiliation_in_bio(bio).as_deref(), Some(org), "{bio}");
    }
}

#[test]
fn an_affiliation_without_its_city_in_brackets_or_its_long_name_after_a_short_one() {
    assert_eq!(
        without_trailing_place("Central European Governance Institute (Budapest)"),
        "Central European Governance Institute"
    );
    assert_eq!(
        without_trailing_place("LSVb – Dutch National Students’ Union"),
        "LSVb"
    );
    // Words in brackets that are no place and no short name stay.
    assert_eq!(
        without_trailing_place("Institute for Water (Research Unit)"),
        "Institute for Water (Research Unit)"
    );
}

#[test]
fn institutions_a_bio_names_in_more_ways() {
    let cases = [
        (
            "Niamh Byrne is a PhD candidate at the Institut d'études urbaines européennes in Paris.",
            "Institut d'études urbaines européennes",
        ),
        (
            "Anna Berger runs a sheep farm and chairs the Salzburg Alpine Pasture Association.",
            "Salzburg Alpine Pasture Association",
        ),
        (
            "Jan Nowak is a labour lawyer and adviser to the Polish-German Trade Union Council.",
            "Polish-German Trade Union Council",
        ),
        (
            "Sean Walsh is a sports lawyer and a board member of the Football Supporters Europe \
             network.",
            "Football Supporters Europe",
        ),
        (
            "Dirk Maes is an agricultural economist at KU Leuven.",
            "KU Leuven",
        ),
        (
            "Sjoukje Bakker is a sociolinguist at the Fryske Akademy in Leeuwarden.",
            "Fryske Akademy",
        ),
        (
            "Giulia Rossi is an associate professor at the Politecnico di Torino.",
            "Politecnico di Torino",
        ),
    ];
    for (bio, org) in cases {
        assert_eq!(affiliation_in_bio(bio).as_deref(), Some(org), "{bio}");
    }
}

#[test]
fn a_universitys_centre_is_the_university() {
    assert_eq!(
        without_trailing_place("University of Northhaven’s Centre for European Studies"),
        "University of Northhaven"
    );
}

#[test]
fn affiliations_learnt_from_rounds_18_and_19() {
    let cases = [
        (
            "João Pinheiro is an energy policy analyst at the Lisbon-based think tank Instituto Tejo de Energia.",
            "Instituto Tejo de Energia",
        ),
        (
            "Julien Leclerc is an engineer at the Lyon-based consultancy Énergie & Territoires.",
            "Énergie & Territoires",
        ),
        (
            "Lukas Bühler is a glaciologist at the Laboratory of Hydraulics, Hydrology and Glaciology at ETH Zurich.",
            "ETH Zurich",
        ),
        (
            "Katharina Vogel is a transport economist at the Wuppertal Institute for Climate, Environment and Energy.",
            "Wuppertal Institute for Climate, Environment and Energy",
        ),
        (
            "Ana Ruiz is a lecturer at Oxford University, Yale and Harvard.",
            "Oxford University",
        ),
        (
            "Giulia Ferraro is a PhD researcher at Maastricht University’s Faculty of Arts and \
             Social Sciences, where she studies fiscal federalism.",
            "Maastricht University",
        ),
        (
            "Camille Moreau is a research fellow in energy policy at Sciences Po in Paris.",
            "Sciences Po",
        ),
        (
            "Lucía Moreno is a researcher at Fair Harvest Europe, based in Seville.",
            "Fair Harvest Europe",
        ),
        (
            "Anna Nowak is Professor of International Relations and Director of the Centre for \
             Enlargement Studies at the Kraków Institute for European Affairs.",
            "Kraków Institute for European Affairs",
        ),
        (
            "Pablo Segura is Euro Dispatch’s Iberia correspondent, based in Valencia.",
            "Euro Dispatch",
        ),
        (
            "Rui Teixeira is The Meridian's Southern Europe correspondent. He is based in Lisbon.",
            "The Meridian",
        ),
    ];
    for (bio, want) in cases {
        assert_eq!(affiliation_in_bio(bio).as_deref(), Some(want), "{bio}");
    }
    assert_eq!(
        affiliation_in_bio("Ana Ruiz is a lecturer in Economics in Paris."),
        None
    );
    assert_eq!(
        affiliation_in_bio("Ana Ruiz is Germany’s best-known energy commentator."),
        None
    );
    assert_eq!(
        affiliation_in_bio("Ana Ruiz is Europe's leading labour economist and a writer."),
        None
    );
    assert_eq!(
        without_trailing_place(
            "School of Economics and Business Administration, University of Tartu"
        ),
        "University of Tartu"
    );
    assert_eq!(
        without_trailing_place("London School of Economics"),
        "London School of Economics"
    );
}

#[test]
fn an_organisation_a_bio_says_its_writer_leads_or_works_at_whatever_its_words() {
    let cases = [
        (
            "Martin Okafor is chief executive of Hearthstone Kelsworth, which runs outreach services across the city.",
            "Hearthstone Kelsworth",
        ),
        (
            "Tom Haskett is junior coordinator at Sedgeford Cricket Club and a dairy herdsman.",
            "Sedgeford Cricket Club",
        ),
        (
            "Lewis Parfitt, 19, works on his family's farm near Coldwell and is vice-chair of Coldwell Young Farmers' Club.",
            "Coldwell Young Farmers' Club",
        ),
        (
            "Ruth Adeyemi and Callum Fenn co-own Fenn & Adeyemi Books in Hebden Bridge.",
            "Fenn & Adeyemi Books",
        ),
        (
            "Callum Reid has been a youth worker since 2006. He coordinates the Brookfield Youth Project.",
            "Brookfield Youth Project",
        ),
        (
            "Denise Okafor is general secretary and Callum Reidy is head of research at United Logistics and Distribution Workers.",
            "United Logistics and Distribution Workers",
        ),
        (
            "Aisha Rahman is artistic director of the Lanterns Light Trail.",
            "Lanterns Light Trail",
        ),
    ];
    for (bio, org) in cases {
        assert_eq!(affiliation_in_bio(bio).as_deref(), Some(org), "{bio}");
    }
}

#[test]
fn a_subject_a_committee_or_a_place_after_a_post_is_no_organisation() {
    for bio in [
        "Hannah Wolde is professor of Modern History and writes on the Horn of Africa.",
        "Tomislav Kovač is a Croatian MEP and vice-chair of the Transport Committee.",
        "Ines Barros is a lecturer at Lisbon.",
        "Sam Reyes is director of Public Health Studies.",
        "Joe Park is a member of Amnesty.",
    ] {
        assert_eq!(affiliation_in_bio(bio), None, "{bio}");
    }
}

#[test]
fn a_post_written_with_capitals_names_its_organisation_too() {
    assert_eq!(
        affiliation_in_bio("Jonathan Reeve is Chief Executive of Halcyon Energy.").as_deref(),
        Some("Halcyon Energy")
    );
    // "Professor of Modern History" names a subject, whatever its capitals.
    assert_eq!(
        affiliation_in_bio("Hannah Wolde is Professor of Modern History."),
        None
    );
}

#[test]
fn a_present_post_beats_a_former_one_and_a_company_is_named_by_its_ltd() {
    assert_eq!(
        affiliation_in_bio(
            "Rhys Penhaligon is a senior fellow at Coastline Futures and a former coastal engineer \
             with Wrenfield Borough Council."
        )
        .as_deref(),
        Some("Coastline Futures")
    );
    assert_eq!(
        affiliation_in_bio(
            "Graham Tullett is managing director of Tullett Precision Ltd in Shropshire and chairs \
             the skills group of the Marches Manufacturers' Forum."
        )
        .as_deref(),
        Some("Tullett Precision Ltd")
    );
    assert_eq!(
        affiliation_in_bio(
            "Priya Natarajan has led Wrenfield Borough Council since 2023 and represents Harbour ward."
        )
        .as_deref(),
        Some("Wrenfield Borough Council")
    );
    // Nothing present at all: the former post is still the one named.
    assert_eq!(
        affiliation_in_bio("Anna Berg is a former economist at the Nordic Investment Bank.")
            .as_deref(),
        Some("Nordic Investment Bank")
    );
}
