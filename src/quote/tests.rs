//! Tests of the whole quote finder: text in, quotes and speakers out,
//! through `Extractor`.

use crate::testing::draws;
use crate::{Extractor, QuoteKind};

/// `(kind, quote text, speaker name)` of every quote of `text`.
fn quotes(text: &str) -> Vec<(QuoteKind, String, Option<String>)> {
    // A headline first, as releases have, so the text under test is body.
    let text = &format!("Ministers meet\n\n{text}");
    let doc = Extractor::new().extract(text.as_str());
    for q in &doc.quotes {
        assert_eq!(&text[q.span.range()], q.text, "span and text disagree");
    }
    doc.quotes
        .iter()
        .map(|q| {
            let speaker = q
                .speaker
                .and_then(|i| doc.speakers.get(i))
                .map(|s| s.name.to_string());
            (q.kind, q.text.to_string(), speaker)
        })
        .collect()
}

macro_rules! t {
    ($name:ident, $text:expr, [$(($kind:ident, $quote:expr, $speaker:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<(QuoteKind, String, Option<String>)> =
                vec![$((QuoteKind::$kind, $quote.to_string(), Option::<&str>::from($speaker).map(str::to_string))),*];
            assert_eq!(quotes($text), want);
        }
    };
}

t!(
    inverted_with_hearer,
    "“We thank every town,” said Bolden to the gathered crowd which contained many workers.\n",
    [(Direct, "We thank every town,", "Bolden")]
);
t!(
    reported_clause_ends_at_the_next_reporting_verb,
    "Shadow Home Secretary Yvette Cooper said her party has supported the idea for months, and said the plan was late.\n",
    [
        (
            Indirect,
            "her party has supported the idea for months",
            "Yvette Cooper"
        ),
        (Indirect, "the plan was late", "Yvette Cooper"),
    ]
);
t!(
    a_fronted_phrase_before_the_reported_clause,
    "Mayor Allan Sutherland said after more than 100 years in the making, it was hard to believe the line was open.\n",
    [(
        Indirect,
        "after more than 100 years in the making, it was hard to believe the line was open",
        "Allan Sutherland"
    )]
);
t!(
    a_share_of_people_says,
    "The survey found strong support. 76 per cent say they trust the helpline to give good advice.\n",
    [(
        Indirect,
        "they trust the helpline to give good advice",
        "76 per cent"
    )]
);
t!(
    a_reported_clause_may_open_with_an_article,
    "Education Minister Stefania Giannini said a “more general reflection” is needed. Giannini said a few words.\n",
    [
        (
            Indirect,
            "a “more general reflection” is needed",
            "Stefania Giannini"
        ),
        (Partial, "more general reflection", "Stefania Giannini"),
    ]
);
t!(
    a_quotation_after_said_that_is_no_reported_clause,
    "The commission said that “the act would benefit from a more thorough review of its terms”.\n",
    [(
        Partial,
        "the act would benefit from a more thorough review of its terms",
        "The commission"
    )]
);
t!(
    who_after_a_name_is_that_person,
    "He knew Tom Devocht. He met Devocht, who had told Montalvo he would assist him with housing. The President hosted King Abdullah II, who announced that the Kingdom will accept 2,000 children “as quickly as possible.”\n",
    [
        (
            Indirect,
            "he would assist him with housing",
            "Tom Devocht"
        ),
        (
            Indirect,
            "the Kingdom will accept 2,000 children “as quickly as possible.”",
            "Abdullah II"
        ),
        (Partial, "as quickly as possible.", "Abdullah II"),
    ]
);
t!(
    exclaimed_and_reasoned_attribute,
    "“It reflects our warmth,” exclaimed Mrs. Trump. The city reasoned, “because users pay a fee, this activity is commercial”.\n",
    [
        (Direct, "It reflects our warmth,", "Trump"),
        (
            Direct,
            "because users pay a fee, this activity is commercial",
            "The city"
        ),
    ]
);
t!(
    a_party_and_state_tag_stands_for_the_name_before_it,
    "Rep. Jim Jordan (R-Ohio) said the plan was late. Senator Ann Lee, D-Maine, said the cost was high. U.S. Senator John Cornyn, Republican from Texas, said the vote was close.\n\nRep. Mike Kelly (R-PA): “We kept the promise we made to his mother.”\n",
    [
        (Indirect, "the plan was late", "Jim Jordan"),
        (Indirect, "the cost was high", "Ann Lee"),
        (Indirect, "the vote was close", "John Cornyn"),
        (
            Direct,
            "We kept the promise we made to his mother.",
            "Mike Kelly"
        ),
    ]
);
t!(
    a_pronoun_after_the_quotation_takes_the_subject_named_before,
    "Officials met. “We will see,” she said.\n\nSenator John Cornyn issued a statement on Monday. “I am disappointed by the decision,” he said.\n",
    [
        (Direct, "We will see,", None),
        (
            Direct,
            "I am disappointed by the decision,",
            "John Cornyn"
        ),
    ]
);
t!(
    a_body_named_with_and_is_one_speaker,
    "House Committee on Energy and Commerce Chair Brett Guthrie said the plan was late.\n\nAmerican Exploration and Production Council: “We welcome the plan and its goals.”\n",
    [
        (Indirect, "the plan was late", "Brett Guthrie"),
        (
            Direct,
            "We welcome the plan and its goals.",
            "American Exploration and Production Council"
        ),
    ]
);
t!(
    a_portfolio_or_place_before_the_name_is_the_titles,
    "Minister for Foreign Affairs Elina Valtonen said the plan was late. Former U.S. Ambassador to Russia Michael McFaul said the talks went well. Americans for Ibogaine CEO W. Bryan Hubbard said the law was passed. Yesterday, President Joseph R. Biden, Jr. declared that an emergency exists in the State of Oklahoma.\n",
    [
        (Indirect, "the plan was late", "Elina Valtonen"),
        (Indirect, "the talks went well", "Michael McFaul"),
        (Indirect, "the law was passed", "W. Bryan Hubbard"),
        (
            Indirect,
            "an emergency exists in the State of Oklahoma",
            "Joseph R. Biden"
        ),
    ]
);
t!(
    a_fellow_is_a_title,
    "Competitive Enterprise Institute Senior Fellow Marlo Lewis said the rule was welcome.\n",
    [(Indirect, "the rule was welcome", "Marlo Lewis")]
);
t!(
    particles_belong_to_the_name,
    "European Commission President Ursula von der Leyen said the deal was good.\n",
    [(Indirect, "the deal was good", "Ursula von der Leyen")]
);
t!(
    a_month_after_a_preposition_is_no_subject,
    "Information received since the Committee met in September confirms that the pace of recovery is slow.\n",
    []
);
t!(
    a_body_named_before_an_office_is_the_body,
    "Earlier this month, the Department of Justice announced that Spain seized a yacht.\n\nStatement from the Vice President: “We have worked to add officers to the force.”\n",
    [
        (
            Indirect,
            "Spain seized a yacht",
            "the Department of Justice"
        ),
        (
            Direct,
            "We have worked to add officers to the force.",
            "the Vice President"
        ),
    ]
);
t!(
    a_body_named_for_its_cause_and_a_name_on_a_platform,
    "Americans for Prosperity: “This is a monumental victory for the people.”\n\nBloomberg’s Lisa Abramowicz on X: “US manufacturing is booming at the fastest pace.”\n\nThe Joint Committee on Taxation said the decline in taxes was steep.\n",
    [
        (
            Direct,
            "This is a monumental victory for the people.",
            "Americans for Prosperity"
        ),
        (
            Direct,
            "US manufacturing is booming at the fastest pace.",
            "Lisa Abramowicz"
        ),
        (
            Indirect,
            "the decline in taxes was steep",
            "The Joint Committee on Taxation"
        ),
    ]
);
t!(
    reporting_after_an_article_and_a_modifier_is_a_noun,
    "The two agencies created an anonymous reporting tool for unfair practices in the market.\n",
    []
);
t!(
    a_firm_with_an_ampersand_is_one_speaker,
    "Merck & Co. announced it will invest a total of $9 billion in the United States.\n",
    [(
        Indirect,
        "it will invest a total of $9 billion in the United States",
        "Merck & Co"
    )]
);
t!(
    a_long_capitalised_run_after_a_body_ends_in_the_name,
    "Psychology major at University of Texas Arlington Amneh Jafari said she felt angry about the arrest.\n",
    [(
        Indirect,
        "she felt angry about the arrest",
        "Amneh Jafari"
    )]
);
t!(
    a_name_and_a_past_verb_begin_a_bare_clause,
    "Police spokesman Steve Whitmore stated Montalvo left the organisation in Los Angeles on September 24. The ministers noted Vietnam officially requested a review of its status.\n",
    [
        (
            Indirect,
            "Montalvo left the organisation in Los Angeles on September 24",
            "Steve Whitmore"
        ),
        (
            Indirect,
            "Vietnam officially requested a review of its status",
            "The ministers"
        ),
    ]
);
t!(
    a_comma_before_the_auxiliary_keeps_the_subject,
    "The security firm Secunia, has said that the browser has 277 flaws. Valeska Paris, an Australian woman, has claimed that the group held her for years.\n",
    [
        (Indirect, "the browser has 277 flaws", "Secunia"),
        (Indirect, "the group held her for years", "Valeska Paris"),
    ]
);
t!(
    adverbs_after_the_name_and_clause_ends_are_no_speakers,
    "Rep. Ralph Norman even said the act would spend too much. The evidence accumulated over the intermeeting period confirms that spending is firming. The plan will enhance civil rights said to be at risk of erosion.\n",
    [(
        Indirect,
        "the act would spend too much",
        "Ralph Norman"
    )]
);
t!(
    a_form_before_a_verb_is_a_noun,
    "New unemployment claims remain low, as jobs are created at a record pace. Unemployment claims are down 70% since I took office.\n",
    []
);
t!(
    a_speaker_phrase_that_speaks_for_itself_is_none,
    "Josh I can't say today what the full toll will be. What we're saying here today is we do share the vision.\n",
    []
);
t!(
    a_time_after_the_verb_names_no_one,
    "This extra support, announced today, could provide:\n\nMore specialist teachers and extra training for staff in schools.\n",
    []
);
t!(
    the_first_lady_is_a_title,
    "“We are here,” said First Lady Melania Trump. “It is good,” said the First Lady.\n",
    [
        (Direct, "We are here,", "Melania Trump"),
        (Direct, "It is good,", "Melania Trump"),
    ]
);
t!(
    that_left_out_after_a_that_verb,
    "The two sides noted their different national conditions could lead to differences of view.\n",
    [(
        Indirect,
        "their different national conditions could lead to differences of view",
        "The two sides"
    )]
);
t!(
    as_the_speaker_said_reports_what_follows,
    "As Prime Minister Kevin Rudd said last week, the new hospital will open next year.\n",
    [(
        Indirect,
        "the new hospital will open next year",
        "Kevin Rudd"
    )]
);
t!(
    as_part_of_announced_changes_is_no_speech,
    "As part of the changes announced today, the Commonwealth will fund new beds.\n",
    []
);
t!(
    cited_title_with_its_comma_is_no_quote,
    "The agencies will review “National Primary Drinking Water Regulations: Lead and Copper Rule Revisions,” 86 Fed. Reg. 4198 (January 15, 2021).\n",
    []
);
t!(
    capitalised_words_with_a_cue_stay_a_quote,
    "“Promises Made, Promises Kept,” the President said.\n",
    [(Direct, "Promises Made, Promises Kept,", "the President")]
);
t!(
    label_after_a_copula_is_the_writers,
    "Registered Apprenticeship is a high-quality, debt-free “earn and learn” model for workers.\n",
    [(Partial, "earn and learn", None)]
);
t!(
    one_surname_two_people,
    "“We are proud,” President Joe Biden said.\n\n“So are we,” Jill Biden said. “It was a long day,” Biden added.\n",
    [
        (Direct, "We are proud,", "Joe Biden"),
        (Direct, "So are we,", "Jill Biden"),
        (Direct, "It was a long day,", "Joe Biden")
    ]
);
t!(
    interjection_before_i_is_the_own_voice,
    "PRIME MINISTER: Well I said that the budget would be back in surplus next year.\n",
    []
);
t!(
    contraction_of_i_is_no_speaker,
    "What I’m saying is that the plan will work.\n",
    []
);
t!(
    evidence_is_no_speaker,
    "However, a range of labor market indicators suggests that there remains significant slack.\n",
    []
);
t!(
    possessive_noun_cue,
    "Chuck Schumer’s disgusting claim that things get better is false. According to recent data, the prices Americans pay are higher.\n",
    []
);
t!(
    possessive_subject,
    "The company's chief executive said that the plant would stay open.\n",
    [(
        Indirect,
        "the plant would stay open",
        "The company's chief executive"
    )]
);
t!(
    noun_before_of,
    "The first of the two state of the art \"linear accelerator\" machines has been installed. Can I acknowledge that today is truly a bipartisan event.\n",
    []
);
t!(
    title_of_work,
    "The President signed the \"National Defense Authorization Act for Fiscal Year 2022\" today. He released \"Delivering Most-Favored-Nation Prescription Drug Pricing to American Patients\".\n",
    []
);
t!(
    relative_clause_apposition,
    "The Prime Minister, who will tonight speak at the launch of an appeal for St Vincent de Paul, said it was clear the Government must do more.\n",
    [(Indirect, "it was clear the Government must do more", "The Prime Minister")]
);
t!(
    opening_mark_as_closing,
    "The claim that “every day gets better“ is a display of indifference.\n",
    [(Partial, "every day gets better", None)]
);
t!(
    adverb_after_name,
    "As General John Smith famously wrote, “Humanity has won its battle.”\n",
    [(Direct, "Humanity has won its battle.", "John Smith")]
);
t!(
    office_with_to,
    "According to Afghan Ambassador to the United States Hamdullah Mohib, the team will stay for the final round.\n",
    [(Indirect, "the team will stay for the final round", "Hamdullah Mohib")]
);
t!(
    particle_in_name,
    "As General Marquis de Lafayette wrote, “Humanity has won its battle.”\n",
    [(
        Direct,
        "Humanity has won its battle.",
        "Marquis de Lafayette"
    )]
);
t!(
    noun_after_determiner,
    "Recent reports have revealed that the scheme failed. A 2023 report by the agency found that prices fell.\n",
    []
);
t!(
    after_said_name,
    "“We will act now,” said Jane Smith.\n",
    [(Direct, "We will act now,", "Jane Smith")]
);
t!(
    after_name_said,
    "“We will act now,” Jane Smith said.\n",
    [(Direct, "We will act now,", "Jane Smith")]
);
t!(
    before_colon,
    "Jane Smith said: “We will act now.”\n",
    [(Direct, "We will act now.", "Jane Smith")]
);
t!(
    before_comma,
    "Jane Smith said, “We will act now.”\n",
    [(Direct, "We will act now.", "Jane Smith")]
);
t!(
    straight_marks,
    "\"We will act now,\" Jane Smith said.\n",
    [(Direct, "We will act now,", "Jane Smith")]
);
t!(
    middle,
    "“Throughout these talks, we agreed,” the communique said. “Safeguards are critical.”\n",
    [
        (
            Direct,
            "Throughout these talks, we agreed,",
            "the communique"
        ),
        (Direct, "Safeguards are critical.", "the communique")
    ]
);
t!(
    several_sentences,
    "“It works. It is cheap. It is here,” Mr Jones said.\n",
    [(Direct, "It works. It is cheap. It is here,", "Jones")]
);
t!(
    continuation,
    "Canadians can have confidence in their police, Prime Minister Justin Trudeau said Wednesday.\n\n“Every year, we step up to keep Canadians safe.”\n",
    [
        (Indirect, "Canadians can have confidence in their police", "Justin Trudeau"),
        (Direct, "Every year, we step up to keep Canadians safe.", "Justin Trudeau"),
    ]
);
t!(
    multi_paragraph,
    "Jane Smith said: “We will act.\n\n“We will not wait for anyone to tell us what to do.”\n",
    [
        (Direct, "We will act.", "Jane Smith"),
        (
            Direct,
            "We will not wait for anyone to tell us what to do.",
            "Jane Smith"
        )
    ]
);
t!(
    scare_quotes,
    "The “Five Eyes” countries met in Ottawa.\n",
    []
);
t!(
    partial,
    "The partners said they would explore “more timely and detailed” sharing.\n",
    [
        (
            Indirect,
            "they would explore “more timely and detailed” sharing",
            "The partners"
        ),
        (Partial, "more timely and detailed", "The partners")
    ]
);
t!(
    unbalanced,
    "He wrote “this never closes and goes on.\n\nThe next paragraph is the writer's own.\n",
    []
);
t!(
    block_quote,
    "Home Secretary Priti Patel said:\n\nWe heard today about the impact of abuse.\n\nWe will tackle these threats together.\n\nIn March the department published figures.\n",
    [
        (Block, "We heard today about the impact of abuse.", "Priti Patel"),
        (Block, "We will tackle these threats together.", "Priti Patel"),
    ]
);
t!(
    block_quote_after_said_comma,
    "Nick Keith said,\n\nI found that the market was saturated with ‘English for business’ firms.\n\nAfter some research, I found a niche.\n\nThe company has since signed deals in Ankara.\n",
    [
        (
            Block,
            "I found that the market was saturated with ‘English for business’ firms.",
            "Nick Keith"
        ),
        (Block, "After some research, I found a niche.", "Nick Keith"),
    ]
);
t!(
    a_quotation_running_on_without_its_opening_mark_repeated,
    "After the match, coach Nabil Maaloul said, \"We were playing a skilled team.\n\nIf we were to get a draw it would have been excellent.\" Fans left early.\n\nThe next match is on Sunday.\n",
    [
        (Direct, "We were playing a skilled team.", "Nabil Maaloul"),
        (
            Direct,
            "If we were to get a draw it would have been excellent.",
            "Nabil Maaloul"
        ),
    ]
);
t!(
    an_unclosed_quotation_stops_at_its_paragraph,
    "Maaloul said, \"We were playing a skilled team.\n\nHe said the result was \"a lesson for the whole squad\" today.\n",
    // The unclosed quotation of the first paragraph ends with it; it does
    // not run on to the next quotation's closing mark.
    [
        (Direct, "We were playing a skilled team.", "Maaloul"),
        (
            Indirect,
            "the result was \"a lesson for the whole squad\" today",
            "Maaloul"
        ),
        (Partial, "a lesson for the whole squad", "Maaloul"),
    ]
);
t!(
    a_pronoun_and_a_finite_verb_begin_a_bare_clause,
    "Saudi Arabia announced it intends to invest $600 billion in the U.S. over four years.\n\nThe council announced it on Friday.\n",
    [(
        Indirect,
        "it intends to invest $600 billion in the U.S. over four years",
        "Saudi Arabia"
    )]
);
t!(
    an_indefinite_description_stands_in_apposition,
    "NVIDIA, a global chipmaking giant, announced it will invest $500 billion in servers.\n",
    [(Indirect, "it will invest $500 billion in servers", "NVIDIA")]
);
t!(
    a_reporting_verb_coordinated_after_a_verb_phrase,
    "Facebook co-founder Mark Zuckerberg tweeted to Mohamed and said the boy was welcome to tour the company.\n\nThe payments are available and claims can be lodged at any office from today.\n",
    [(
        Indirect,
        "the boy was welcome to tour the company",
        "Mark Zuckerberg"
    )]
);
t!(
    he_is_the_person_the_sentence_before_named,
    "Coach Hernan Gomez said, \"We learned a lot today.\"\n\nHarry Kane won the Man of the Match award. He said, \"In the first half it felt good out there.\"\n",
    [
        (Direct, "We learned a lot today.", "Hernan Gomez"),
        (Direct, "In the first half it felt good out there.", "Harry Kane"),
    ]
);
t!(
    as_the_speaker_stated_after_the_content,
    "EXPOSING BIAS: NPR and PBS have fueled partisanship with taxpayer money, as President Trump has stated.\n",
    [(
        Indirect,
        "NPR and PBS have fueled partisanship with taxpayer money",
        "Trump"
    )]
);
t!(
    a_participle_takes_the_sentence_subject,
    "Ministers welcomed the report, adding that more work was needed on the reforms.\n",
    [(Indirect, "more work was needed on the reforms", "Ministers")]
);
t!(
    a_participle_after_an_object_takes_the_sentence_subject,
    "Dr. Biden welcomed the teachers, saying “Tonight, we celebrate you, because teaching matters.”\n",
    [(
        Direct,
        "Tonight, we celebrate you, because teaching matters.",
        "Biden"
    )]
);
t!(
    a_bracket_between_a_name_and_its_colon,
    "- Sen. Chris Murphy (9/27/13): “There is a time and a place to debate health care.”\n- Representative Judy Chu (CA-28): “Just left the White House! This will protect sacred treasures.”\n\nGen. Jack Keane (ret.): “You can’t overstate the significance of what we all witnessed.”\n",
    [
        (
            Direct,
            "There is a time and a place to debate health care.",
            "Chris Murphy"
        ),
        (
            Direct,
            "Just left the White House! This will protect sacred treasures.",
            "Judy Chu"
        ),
        (
            Direct,
            "You can’t overstate the significance of what we all witnessed.",
            "Jack Keane"
        ),
    ]
);
t!(
    a_line_of_name_and_role_heads_the_quotation_under_it,
    "Participating leaders issued the following statements:\n\nNational Grid President Badar Khan:\n“National Grid recognizes that all of our customers need help this winter.”\n\nGovernor Lamont of Connecticut:\n“It can’t be overstated what a lifeline the plan has been.”\n\nFrom The Daily Wire:\n“A decades-old court order that blocked the hiring was lifted.”\n",
    [
        (
            Direct,
            "National Grid recognizes that all of our customers need help this winter.",
            "Badar Khan"
        ),
        (
            Direct,
            "It can’t be overstated what a lifeline the plan has been.",
            "Lamont"
        ),
        (
            Direct,
            "A decades-old court order that blocked the hiring was lifted.",
            None
        ),
    ]
);
t!(
    a_heading_naming_a_person_speaks_the_items_under_it,
    "Here’s what you missed:\n\nAttorney General Pam Bondi on Fox News Sunday\n\n- On activist judges: “This is an out-of-control judge trying to control foreign policy.”\n- On Yemen: “Iran has to give up its program in a way that the world can see.”\n\nSharing Information\n\nThe partners agreed to share threat data.\n",
    [
        (
            Direct,
            "This is an out-of-control judge trying to control foreign policy.",
            "Pam Bondi"
        ),
        (
            Direct,
            "Iran has to give up its program in a way that the world can see.",
            "Pam Bondi"
        ),
    ]
);
t!(
    a_topic_before_a_colon_is_no_speaker,
    "Here the top moments you may have missed:\n\n- On ending the Democrat Shutdown: “We keep voting, and they keep voting against it.”\n- On Obamacare: “Obamacare is terrible and far too expensive for everyone.”\n",
    [
        (
            Direct,
            "We keep voting, and they keep voting against it.",
            None
        ),
        (
            Direct,
            "Obamacare is terrible and far too expensive for everyone.",
            None
        ),
    ]
);
t!(
    a_titled_name_then_the_state_of_the_office,
    "Governor Whitmer of Michigan said the new plan would work for every family in the state.\n",
    [(
        Indirect,
        "the new plan would work for every family in the state",
        "Whitmer"
    )]
);
t!(
    the_hearer_ends_at_punctuation,
    "Home Secretary Suella Braverman told GB News: \"It's clear that we have an unsustainable situation.\"\n\nAs Heald told The Huffington Post, US surface ozone has dropped partly due to the Clean Air Act.\n",
    [
        (
            Direct,
            "It's clear that we have an unsustainable situation.",
            "Suella Braverman"
        ),
        (
            Indirect,
            "US surface ozone has dropped partly due to the Clean Air Act",
            "Heald"
        ),
    ]
);
t!(
    media_is_a_plural_speaker,
    "But media have said the questionnaires attract criticism from all sides.\n",
    [(
        Indirect,
        "the questionnaires attract criticism from all sides",
        "media"
    )]
);
t!(
    a_mark_typed_after_the_comma_opens_a_quotation,
    "Professor Burrows also said resources and kits would be accessible for schools and communities,\" For example, schools can run their own referendums.\"\n",
    [
        (
            Indirect,
            "resources and kits would be accessible for schools and communities",
            "Burrows"
        ),
        (
            Direct,
            "For example, schools can run their own referendums.",
            "Burrows"
        ),
    ]
);
t!(
    according_to_a_name_without_a_comma,
    "According to Rathbun the Scientology property was returned by mail.\n\nAccording to Statistics Canada, the jobless rate fell.\n",
    [
        (
            Indirect,
            "the Scientology property was returned by mail",
            "Rathbun"
        ),
        (Indirect, "the jobless rate fell", "Statistics Canada"),
    ]
);
t!(
    as_stated_in_a_document,
    "As stated in the Leaders’ Communiqué, we remain determined to support Ukraine's recovery.\n",
    [(
        Indirect,
        "we remain determined to support Ukraine's recovery",
        "the Leaders’ Communiqué"
    )]
);
t!(
    as_a_name_and_its_role_have_said,
    "As Stephen Kinnock, the local MP has said, the last thing his constituents need is to be cut off.\n",
    [(
        Indirect,
        "the last thing his constituents need is to be cut off",
        "Stephen Kinnock"
    )]
);
t!(
    a_passive_subject_hears_the_words,
    "Minister Jeremy Browne said: “We will act on drugs now.”\n\nThe viewer is then asked ‘Confused by drugs? Talk to FRANK.’ The adverts run for six months.\n",
    [
        (Direct, "We will act on drugs now.", "Jeremy Browne"),
        (Partial, "Confused by drugs? Talk to FRANK.", None),
    ]
);
t!(
    a_photo_credit_does_not_lengthen_a_name,
    "US President Barack Obama tweeted:\n\n\"Cool clock, Ahmed. Want to bring it to the White House?\"\n\nImage: Twitter / Barack Obama.\n",
    [(
        Direct,
        "Cool clock, Ahmed. Want to bring it to the White House?",
        "Barack Obama"
    )]
);
t!(
    that_after_a_noun_phrase_is_relative,
    "NASA Administrator Charles Bolden announced the locations that would be given the orbiters.\n\nThe Vice President reaffirmed the position that a military operation should not proceed.\n\nSean Spicer confirmed in the briefing room, that the President had given that commitment.\n",
    [
        (
            Indirect,
            "a military operation should not proceed",
            "The Vice President"
        ),
        (
            Indirect,
            "the President had given that commitment",
            "Sean Spicer"
        ),
    ]
);
t!(
    a_name_role_and_body_before_a_colon,
    "Kim McIntyre, Executive Director, Aquarium Conservation Partnership: “The partnership celebrates the release of the plan.”\n\nArevia Power: “Arevia Power was an early supporter of the news.”\n",
    [
        (
            Direct,
            "The partnership celebrates the release of the plan.",
            "Kim McIntyre"
        ),
        (
            Direct,
            "Arevia Power was an early supporter of the news.",
            "Arevia Power"
        ),
    ]
);
t!(
    the_reported_clause_ends_at_another_source,
    "Officials tell BBC News every claim will be assessed on its merits, with the paper reporting that no one will be refused.\n",
    [
        (
            Indirect,
            "every claim will be assessed on its merits",
            "Officials"
        ),
        (Indirect, "no one will be refused", "the paper"),
    ]
);
t!(
    and_said_after_a_comma_takes_the_sentence_subject,
    "Yvette Cooper said her party has backed the idea for months, and said it was \"damning that nothing had been done\".\n",
    [
        (
            Indirect,
            "her party has backed the idea for months",
            "Yvette Cooper"
        ),
        (
            Indirect,
            "it was \"damning that nothing had been done\"",
            "Yvette Cooper"
        ),
        (
            Partial,
            "damning that nothing had been done",
            "Yvette Cooper"
        ),
    ]
);
t!(
    a_position_qualified_at_length_before_that,
    "The Australian side confirmed the position of successive Australian Governments since 1972 that Australia respects China's sovereignty.\n\nThe leaders reiterated their commitment to the common values that have been the bedrock of the relationship.\n",
    [(
        Indirect,
        "Australia respects China's sovereignty",
        "The Australian side"
    )]
);
t!(
    and_i_quote_marks_a_short_quotation,
    "Angel Gurría, Head of the OECD, said: “We are making progress.”\n\nIt was good to hear what the head of the OECD described as, and I quote, the “exemplary delivery” of the plan.\n",
    [
        (Direct, "We are making progress.", "Angel Gurría"),
        (Partial, "exemplary delivery", "Angel Gurría"),
    ]
);
t!(
    a_hyphenated_verb_does_not_end_a_block_quote,
    "Theresa May said:\n\nWe think of all who suffer.\n\nWe also think of Christians and re-affirm our determination.\n",
    [
        (Block, "We think of all who suffer.", "Theresa May"),
        (
            Block,
            "We also think of Christians and re-affirm our determination.",
            "Theresa May"
        ),
    ]
);
t!(
    said_comma_inside_a_paragraph_introduces_nothing,
    "Officials said, as expected, the plan had stalled.\n\nWe will review it in May.\n",
    []
);
t!(
    indirect_that,
    "During a roundtable, ministers stressed that safeguards must come first.\n\nThey added that encrypted services put users at risk.\n",
    [
        (Indirect, "safeguards must come first", "ministers"),
        (Indirect, "encrypted services put users at risk", "ministers"),
    ]
);
t!(
    indirect_after,
    "Tech companies should protect their users, the partners have warned.\n",
    [(
        Indirect,
        "Tech companies should protect their users",
        "the partners"
    )]
);
t!(
    according_to,
    "According to the report, few manufacturers use iodised salt.\n",
    [(Indirect, "few manufacturers use iodised salt", "the report")]
);
t!(
    not_intent,
    "Ministers agreed to meet again. They plan to share data.\n",
    []
);
t!(
    noun_object,
    "The minister announced a new fund for schools.\n",
    []
);
t!(
    apposition,
    "George Brandis, Australia's Attorney General, said the meeting would focus on cyberspace.\n",
    [(
        Indirect,
        "the meeting would focus on cyberspace",
        "George Brandis"
    )]
);
t!(
    single_marks,
    "Jane Smith said: ‘We cannot take illegal drugs and drive.’\n",
    [(
        Direct,
        "We cannot take illegal drugs and drive.",
        "Jane Smith"
    )]
);
t!(
    colon_name,
    "- University volleyball player Macey Boggs: “I was stripped of a chance to play my final matches.”\n",
    [(Direct, "I was stripped of a chance to play my final matches.", "Macey Boggs")]
);
t!(
    nested,
    "“The new precinct - “The Mill” - will bring jobs to the region,” Mayor Allan Sutherland said.\n",
    [(Direct, "The new precinct - “The Mill” - will bring jobs to the region,", "Allan Sutherland")]
);
t!(
    dash_signature,
    "\"So far, it's the Internet: 1, Scientology: 0. But it's a long game.\" - Matthew Ingram\n",
    [(
        Direct,
        "So far, it's the Internet: 1, Scientology: 0. But it's a long game.",
        "Matthew Ingram"
    )]
);
t!(
    statement_header,
    "Statement of UAW President Ray Curry:\n\n“We are at a critical time for the auto industry.”\n",
    [(
        Direct,
        "We are at a critical time for the auto industry.",
        "Ray Curry"
    )]
);
t!(
    passive_agent,
    "A leaked internal letter seen by Sky News says \"failure to return the form may end the claim\".\n",
    [(Direct, "failure to return the form may end the claim", "A leaked internal letter")]
);
t!(
    boilerplate,
    "READ MORE: “We will act now,” Jane Smith said\n\nStory continues below advertisement\n",
    []
);

#[test]
fn a_title_in_apposition_to_a_plain_mention() {
    let text = "Language award\n\nNick Keith, Director, Best Business English found the support invaluable.\n\nNick Keith said, “It helped us win clients.”\n";
    let doc = Extractor::new().extract(text);
    let keith = doc.speakers.iter().find(|s| s.name == "Nick Keith");
    assert_eq!(keith.and_then(|s| s.title.as_deref()), Some("Director"));
}

#[test]
fn speaker_fields() {
    let text = "Ministers meet\n\nAustralian Attorney General George Brandis said: “We will lead.”\n\n“It matters,” Brandis said.\n";
    let doc = Extractor::new().extract(text);
    assert_eq!(doc.speakers.len(), 1);
    let s = &doc.speakers[0];
    assert_eq!(s.name, "George Brandis");
    assert_eq!(s.title.as_deref(), Some("Attorney General"));
    assert_eq!(s.kind, crate::SpeakerKind::Person);
    assert_eq!(s.mentions.len(), 2);
    assert_eq!(
        doc.quotes[0].cue.as_ref().map(|c| c.text.as_ref()),
        Some("said")
    );
}

#[test]
fn a_body_named_like_a_person_is_an_organization() {
    let text = "Monument\n\nNative Voters Alliance Nevada said: “We welcome the monument.”\n\nNevada has many monuments, and Nevada voters like them.\n";
    let doc = Extractor::new().extract(text);
    assert_eq!(doc.speakers.len(), 1);
    let s = &doc.speakers[0];
    assert_eq!(s.name, "Native Voters Alliance Nevada");
    assert_eq!(s.kind, crate::SpeakerKind::Organization);
    // Its last word is no surname: "Nevada" alone is not a mention.
    assert_eq!(s.mentions.len(), 1);
}

/// A name alone reads as a person's; what the text says of the speaker
/// makes it a body, and nothing else does.
#[test]
fn bodies_named_like_people() {
    use crate::SpeakerKind::{Organization, Person};
    let cases = [
        ("NVIDIA, a chipmaking giant, announced it will invest $500 billion in the U.S.", "NVIDIA", Organization),
        ("Corning announced it is expanding its Michigan plant to 1,500 jobs.", "Corning", Organization),
        ("Schneider Electric announced it will invest $700 million in U.S. energy infrastructure.", "Schneider Electric", Organization),
        ("Saudi Arabia said the two countries would work together on energy.", "Saudi Arabia", Organization),
        ("Secunia.com has said that IE6 has 277 known vulnerabilities.", "Secunia.com", Organization),
        // A person says "it is" of the world, not of themselves.
        ("Kevin Rudd said it was an important day for the nation.", "Kevin Rudd", Person),
        ("Kevin Rudd said it is important that the nation acts now.", "Kevin Rudd", Person),
        ("Jordan Smith said the two countries would work together on energy.", "Jordan Smith", Person),
        ("Americans said the two countries should work together on energy.", "Americans", crate::SpeakerKind::Group),
    ];
    for (text, name, kind) in cases {
        let text = format!("Investment\n\n{text}\n");
        let doc = Extractor::new().extract(&text);
        let s = doc
            .speakers
            .first()
            .unwrap_or_else(|| panic!("no speaker in {text:?}"));
        assert_eq!((s.name.as_ref(), s.kind), (name, kind), "{text}");
    }
}

#[test]
fn a_dateline_in_apposition_is_no_title() {
    let text = "Sources\n\n“Document found on street not secret, say feds” — The Canadian Press, August 15, 2008\n";
    let doc = Extractor::new().extract(text);
    assert_eq!(doc.speakers.len(), 1);
    assert_eq!(doc.speakers[0].name, "The Canadian Press");
    assert_eq!(doc.speakers[0].title, None);
}

#[test]
fn a_country_after_the_name_is_the_speakers() {
    let text =
        "Summit\n\nPresident Abdel Fattah El-Sisi of Egypt said that the talks were useful.\n";
    let doc = Extractor::new().extract(text);
    assert_eq!(doc.speakers.len(), 1);
    assert_eq!(doc.speakers[0].name, "Abdel Fattah El-Sisi");
    assert_eq!(
        doc.speakers[0].country.map(|c| c.to_string()).as_deref(),
        Some("EG")
    );
}

#[test]
fn titles_and_groups() {
    let cases = [
        (
            "Premier of Victoria John Brumby said: “We mourn.”\n",
            "John Brumby",
            Some("Premier of Victoria"),
        ),
        (
            "Queensland Minister for Disability Services Coralee O'Rourke said: “We act.”\n",
            "Coralee O'Rourke",
            Some("Minister for Disability Services"),
        ),
        (
            "Professional golfer Alison Crenshaw said: “We act.”\n",
            "Alison Crenshaw",
            Some("Professional golfer"),
        ),
        (
            "Deputy Secretary of State Jane Doe said: “We act.”\n",
            "Jane Doe",
            Some("Deputy Secretary of State"),
        ),
        (
            "Victorian Shadow Minister for Health Jane Doe said: “We act.”\n",
            "Jane Doe",
            Some("Shadow Minister for Health"),
        ),
        (
            "Home office crime prevention minister Jeremy Browne said: “We act.”\n",
            "Jeremy Browne",
            Some("crime prevention minister"),
        ),
        (
            "Malaysia's Prime Minister, Najib Razak said the boats would be turned back to sea.\n",
            "Najib Razak",
            Some("Prime Minister"),
        ),
        (
            "Discussing his concern, Malaysia's Prime Minister, Najib Razak said the boats would be turned back.\n",
            "Najib Razak",
            Some("Prime Minister"),
        ),
        (
            "The Minister for Sport, Kate Ellis said the flag raising was a proud moment for all.\n",
            "Kate Ellis",
            Some("Minister for Sport"),
        ),
        (
            // A bare title before the comma addresses someone.
            "Prime Minister, Kerry Stokes told me this week the Act is the greatest threat to free speech.\n",
            "Kerry Stokes",
            None,
        ),
        (
            "British High Commissioner Jane Marriott CMG OBE said: “We are proud to help.”\n",
            "Jane Marriott",
            Some("High Commissioner"),
        ),
        (
            "House Majority Whip Tom Emmer said: “We have the votes.”\n",
            "Tom Emmer",
            Some("House Majority Whip"),
        ),
        (
            "Special Envoy Steve Witkoff said that the talks had been productive.\n",
            "Steve Witkoff",
            Some("Special Envoy"),
        ),
        (
            "Gov. Gavin Newsom said: “We will see them in court.”\n",
            "Gavin Newsom",
            Some("Gov."),
        ),
        (
            "Fox Business Network Anchor David Asman said: “Markets rallied today.”\n",
            "David Asman",
            Some("Anchor"),
        ),
        (
            "Sen. Lindsey Graham said: “We stand with our allies.”\n",
            "Lindsey Graham",
            Some("Sen."),
        ),
        (
            "The Premier of Victoria said: “We mourn the loss of life.”\n",
            "The Premier of Victoria",
            Some("Premier of Victoria"),
        ),
        (
            "Undersecretary for Education Mr. Toccafondi said: “We will rebuild.”\n",
            "Toccafondi",
            Some("Undersecretary for Education"),
        ),
        (
            "President Abdel Fattah El-Sisi of Egypt said that the talks were useful.\n",
            "Abdel Fattah El-Sisi",
            Some("President"),
        ),
        (
            "Independent Community Bankers of America President and CEO Rebeca Romero Rainey said: “We welcome it.”\n",
            "Rebeca Romero Rainey",
            Some("President and CEO"),
        ),
        (
            "Road Safety Minister Robert Goodwill said: “Drive safely.”\n",
            "Robert Goodwill",
            Some("Road Safety Minister"),
        ),
        (
            "CEO of the Refugee Council Enver Solomon said: “It is unfair.”\n",
            "Enver Solomon",
            Some("CEO of the Refugee Council"),
        ),
        (
            "Prime Minister Theresa May said: “We will act.”\n",
            "Theresa May",
            Some("Prime Minister"),
        ),
        (
            "Craig Johns, Area Manager at the HCA said: “We are pleased.”\n",
            "Craig Johns",
            Some("Area Manager"),
        ),
        (
            "Steve Gamble, Gleeson Homes Group Land Director said: “We are pleased.”\n",
            "Steve Gamble",
            Some("Land Director"),
        ),
        (
            "An NPR editor found bias. NPR repeatedly insisted that the story was false.\n",
            "NPR",
            None,
        ),
        (
            "Irving Police Department asserted that the boy's name was not a factor.\n",
            "Irving Police Department",
            None,
        ),
        (
            "Jeff Rathke, the State Department Spokesperson, said: “We urge calm.”\n",
            "Jeff Rathke",
            Some("Spokesperson"),
        ),
        (
            "NASA Administrator Charles Bolden announced that the orbiters would move.\n",
            "Charles Bolden",
            Some("Administrator"),
        ),
        (
            "Minister for Disability Services and Minister Assisting the Premier Coralee O'Rourke said the scheme will be tested.\n",
            "Coralee O'Rourke",
            Some("Minister for Disability Services and Minister Assisting the Premier"),
        ),
        (
            "Undersecretary for Education Mr. Toccafondi says \"many schools will close\".\n",
            "Toccafondi",
            Some("Undersecretary for Education"),
        ),
        (
            "Claudio De Vincenti, undersecretary to the prime minister, said \"a table will be opened\".\n",
            "Claudio De Vincenti",
            Some("undersecretary to the prime minister"),
        ),
        (
            "Tom Molomby, SC, said that the parents had acted in good faith.\n",
            "Tom Molomby",
            Some("SC"),
        ),
        (
            "Mark Rathbun said: “It was wrong.”\n\nHe was put through to a lawyer, Kendrick Moxon. Rathbun wrote: “He lied.”\n",
            "Mark Rathbun",
            None,
        ),
        (
            "Civil libertarians argue the right to privacy should not be compromised.\n",
            "Civil libertarians",
            None,
        ),
        // A relative clause after the name is no title.
        (
            "- Jackie Siegel, who lost her daughter and sister to drug overdoses: “Thank you for keeping America safe for our children.”\n",
            "Jackie Siegel",
            None,
        ),
        // A firm before "Chief Economist" is no part of the title.
        (
            "Apollo Global Management Chief Economist Torsten Slok said the economy would keep growing this year.\n",
            "Torsten Slok",
            Some("Chief Economist"),
        ),
        // A role opening the clause before a name in commas is the title.
        (
            "The Treasurer of Victoria, John Lenders, said the new plan would work for everyone.\n",
            "John Lenders",
            Some("Treasurer of Victoria"),
        ),
    ];
    for (text, name, title) in cases {
        let text = format!("Ministers meet\n\n{text}");
        let doc = Extractor::new().extract(&text);
        let s = doc
            .speakers
            .first()
            .unwrap_or_else(|| panic!("no speaker in {text:?}"));
        assert_eq!(s.name, name, "{text}");
        assert_eq!(s.title.as_deref(), title, "{text}");
        let body = s.name == "NPR" || s.name.ends_with("Department");
        assert_eq!(s.kind == crate::SpeakerKind::Organization, body, "{text}");
    }
}

#[test]
fn pathological_marks_stay_linear() {
    let many = "“".repeat(100_000);
    let doc = Extractor::new().extract(&many);
    assert!(doc.quotes.is_empty());
    let para = format!(
        "Ministers meet\n\n{}",
        "“We act,” Mr Smith said. ".repeat(50_000)
    );
    let started = std::time::Instant::now();
    let doc = Extractor::new().extract(&para);
    assert!(doc.quotes.len() >= 50_000);
    assert!(started.elapsed().as_secs() < 20);
    let apostrophes = "it's ' a ' b 'c ".repeat(50_000);
    let _ = Extractor::new().extract(&apostrophes);
    // One sentence of a megabyte with a reporting cue every few words:
    // each cue reads a bounded window, so this is quick.
    let cues = format!(
        "Ministers meet\n\n{}",
        "Smith told reporters, according to Jones the plan, as Mr Smith has stated, noting that it "
            .repeat(12_000)
    );
    let doc = Extractor::new().extract(&cues);
    assert!(!doc.quotes.is_empty());
    assert!(doc.quotes.iter().all(|q| q.text.len() <= 2_000));
    // One long sentence of partial quotations, and of quotations after
    // a colon: each looks back a bounded distance for its speaker.
    for piece in [
        "He called it \"a big plan for all of us\" and ",
        "Smith said: \"We will act on the plan\" and ",
    ] {
        let text = format!("Ministers meet\n\n{}", piece.repeat(6_000));
        let doc = Extractor::new().extract(&text);
        assert_eq!(doc.quotes.len(), 6_000, "{piece}");
    }
}

#[test]
fn a_phrase_read_as_a_speaker_but_given_no_quote_is_no_speaker() {
    // The heading names a person, but nothing under it is quoted.
    let text = "Briefing\n\nProfessor Fiona Stanley\n\nProfessor Fiona Stanley is the Founding Director of the Telethon Institute.\n";
    let doc = Extractor::new().extract(text);
    assert!(doc.quotes.is_empty(), "{:?}", doc.quotes);
    assert!(doc.speakers.is_empty(), "{:?}", doc.speakers);
}

t!(
    quotes_keep_their_speakers_when_a_speaker_before_them_is_left_out,
    "Professor Fiona Stanley\n\nProfessor Fiona Stanley is the Founding Director of the Telethon Institute.\n\nMr Smith said the new institute would help every family in the state.\n",
    [(
        Indirect,
        "the new institute would help every family in the state",
        "Smith"
    )]
);

t!(
    a_cited_rule_in_marks_is_a_title_but_cited_words_stay_partial,
    "1. “Hexachlorobutadiene (HCBD); Regulation of Persistent, Bioaccumulative, and Toxic Chemicals Under TSCA Section 6(h),” 86 Fed. Reg. 922 (January 6, 2021).\n\nThe Administration will keep the committees “fully and currently informed of the intelligence activities,” 50 U.S.C. 3091, as the law requires.\n",
    [(
        Partial,
        "fully and currently informed of the intelligence activities,",
        "The Administration"
    )]
);

#[test]
fn a_statement_titled_with_its_speaker_is_theirs() {
    let text = "Statement from the Press Secretary\n\n“The Government of Colombia has agreed to all of the terms, without limitation or delay.”\n";
    let doc = Extractor::new().extract(text);
    let speakers: Vec<Option<&str>> = doc
        .quotes
        .iter()
        .map(|q| q.speaker.map(|i| doc.speakers[i].name.as_ref()))
        .collect();
    assert_eq!(speakers, [Some("the Press Secretary")]);
}

t!(
    a_person_named_over_a_list_of_quotations_speaks_them,
    "President Trump heralded the economic revival after one year back in office.\n\n- “After less than 12 months in office, I’m back in Michigan to report to you.” (Watch)\n- “We have built the strongest economy in the history of our country.” (Watch)\n\nThe farmers’ story was told too.\n\nPresident Trump was exactly right.\n\n- “We left because of the attacks on the farms of the region.”\n",
    [
        (
            Direct,
            "After less than 12 months in office, I’m back in Michigan to report to you.",
            "Trump"
        ),
        (
            Direct,
            "We have built the strongest economy in the history of our country.",
            "Trump"
        ),
        (
            Direct,
            "We left because of the attacks on the farms of the region.",
            None
        ),
    ]
);

t!(
    a_study_that_found_words_in_marks_is_their_source,
    "- An analysis from the Atlantic Council found that “tariffs would create new incentives for consumers to buy local products.”\n",
    [(
        Partial,
        "tariffs would create new incentives for consumers to buy local products.",
        "Atlantic Council"
    )]
);

t!(
    a_quotation_that_lost_its_closing_mark_ends_with_its_paragraph,
    "In a statement, Governor Chris Gregoire said, \"The Museum of Flight put a tremendous amount of effort into the bid. I’m disappointed that NASA did not choose them.\n\nThe plan was agreed in 2017, “and an “E-commerce green lane” trial will follow this year.\n",
    [(
        Direct,
        "The Museum of Flight put a tremendous amount of effort into the bid. I’m disappointed that NASA did not choose them.",
        "Chris Gregoire"
    )]
);
t!(
    a_straight_mark_closed_by_a_left_curly_one,
    "Senator John Cornyn spoke at the launch. Cornyn's statement added, \"Today's announcement is an affront to the thousands of dedicated men and women at the center.“ However, the center will receive seats from the flight deck.\n",
    [(
        Direct,
        "Today's announcement is an affront to the thousands of dedicated men and women at the center.",
        "John Cornyn"
    )]
);

t!(
    a_photo_caption_does_not_break_a_running_quotation,
    "Governor Chris Gregoire said, \"The Museum of Flight put a tremendous amount of effort into the bid.\n\nIn 2008, Endeavour and Atlantis await a journey on their launchpads. Image: NASA.\n\n\"However, the full fuselage trainer will soon call the Museum of Flight home.\"\n",
    [
        (
            Direct,
            "The Museum of Flight put a tremendous amount of effort into the bid.",
            "Chris Gregoire"
        ),
        (
            Direct,
            "However, the full fuselage trainer will soon call the Museum of Flight home.",
            "Chris Gregoire"
        ),
    ]
);

t!(
    a_pronoun_stands_for_the_speaker_named_by_surname_just_before,
    "Rathbun wrote, \"Moxon proceeded to lie about the hard drives.\"\n\nSteve Whitmore, a representative for the sheriff, said the case was being dealt with as grand theft.\n\nRathbun requested donations via his blog. He described Montalvo as an individual, \"facing the penitentiary in thanks for leaving\".\n",
    [
        (
            Direct,
            "Moxon proceeded to lie about the hard drives.",
            "Rathbun"
        ),
        (
            Indirect,
            "the case was being dealt with as grand theft",
            "Steve Whitmore"
        ),
        (
            Partial,
            "facing the penitentiary in thanks for leaving",
            "Rathbun"
        ),
    ]
);

t!(
    a_participle_has_no_inverted_subject_and_estimates_are_no_speaker,
    "Democrats continue to hold the department hostage, insisting on radical demands that shield offenders from the law.\n\nAccording to current estimates, up to 23 people have died and over 150 were injured.\n",
    []
);

t!(
    a_phrase_naming_the_quotation_after_the_verb_is_not_reported,
    "The First Lady reaffirmed her forward-looking vision: “We are not here to prepare our children for yesterday’s world.”\n",
    [(
        Direct,
        "We are not here to prepare our children for yesterday’s world.",
        "The First Lady"
    )]
);

t!(
    as_someone_said_in_a_long_phrase_then_the_clause,
    "As President Trump said in the Presidential Memorandum on America First Trade Policy on his first day in office, trade policy is a critical component of our economic security.\n",
    [(
        Indirect,
        "trade policy is a critical component of our economic security",
        "Trump"
    )]
);

t!(
    one_unnamed_person_speaks,
    "“We left because of the attacks on the farms of the region,” said one South African refugee.\n",
    [(
        Direct,
        "We left because of the attacks on the farms of the region,",
        "one South African refugee"
    )]
);

t!(
    an_attribution_standing_as_its_own_sentence,
    "\"Work here is starting on schedule and the building will be completed by end of 2012.\" Minister Hill said.\n\n\"We will continue to consult with the research community.\"\n",
    [
        (
            Direct,
            "Work here is starting on schedule and the building will be completed by end of 2012.",
            "Hill"
        ),
        (
            Direct,
            "We will continue to consult with the research community.",
            "Hill"
        ),
    ]
);

t!(
    a_person_named_before_a_quoted_paragraph_speaks_it,
    "The Prime Minister acknowledged the vital support such events provide for the veteran community.\n\n\"The government has an important responsibility to support serving soldiers and veterans.\"\n",
    [(
        Direct,
        "The government has an important responsibility to support serving soldiers and veterans.",
        "The Prime Minister"
    )]
);

/// `that_at` reads "that" among the first seven words as splitting at
/// single spaces does, stopping at a quotation mark, colon or semicolon:
/// on chosen phrases and on phrases generated from a fixed seed.
#[test]
fn that_at_agrees_with_splitting() {
    use super::words::that_at;
    fn by_split(rest: &str) -> Option<usize> {
        let mut pos = 0;
        for (k, w) in rest.split(' ').enumerate() {
            if k > 6 {
                return None;
            }
            if w == "that" {
                return Some(pos + w.len());
            }
            if w.contains(['“', '"', ':', ';']) {
                return None;
            }
            pos += w.len() + 1;
        }
        None
    }
    for rest in [
        "",
        "that",
        "that the plan works",
        "on Tuesday that it would",
        "in  the  briefing room, that",
        "a b c d e f that",
        "a b c d e f g that",
        "“that” was",
        "it: that",
        "it; that",
        "a \"b\" that",
        "thatched roofs that",
        " that",
        "’that’ that",
    ] {
        assert_eq!(that_at(rest), by_split(rest), "{rest:?}");
    }
    let pieces = [
        "that",
        " ",
        "said",
        "“",
        "”",
        "\"",
        ":",
        ";",
        "é",
        "\u{201c}x",
        "‘",
        "now",
        "",
    ];
    let mut next = draws(13);
    let mut found = 0;
    for _ in 0..40000 {
        let rest: String = (0..next(14)).map(|_| pieces[next(pieces.len())]).collect();
        let want = by_split(&rest);
        assert_eq!(that_at(&rest), want, "{rest:?}");
        found += usize::from(want.is_some());
    }
    assert!(found > 300, "{found}");
    assert_eq!(that_at("today that the plan"), Some(10));
    assert_eq!(that_at("“that"), None);
}

/// A statement heading is told by its first byte (`statement_of`): no
/// character beyond ASCII lowers to the letters it may open with.
#[test]
fn only_ascii_letters_lower_to_a_heading_opening() {
    for c in (char::MIN..=char::MAX).filter(|c| !c.is_ascii()) {
        let first = c.to_lowercase().next();
        assert!(
            !matches!(first, Some('s' | 'j' | 'r' | 'q')),
            "{c:?} lowers to {first:?}"
        );
    }
}

/// A word set's key test rules out only words that are not members,
/// lowered or as written, whatever the script of their first bytes.
#[test]
fn a_word_set_answers_as_its_words_do() {
    use super::WordSet;
    use crate::text::{lower, LOWER_INLINE};
    let mut set = WordSet::default();
    for w in ["minister", "mp", "king", "é", "straße", "Department", ""] {
        set.insert(w);
    }
    for w in [
        "Minister",
        "MINISTER",
        "minister",
        "Ministerial",
        "Mp",
        "MP",
        "mP.",
        "M",
        "\u{212A}ing",
        "KING",
        "King's",
        "É",
        "STRASSE",
        "Straße",
        "STRAßE",
        "İmp",
        "Department",
        "department",
        "",
        " ",
    ] {
        let mut buf = [0; LOWER_INLINE];
        let lowered = lower(w, &mut buf);
        assert_eq!(
            set.contains_lowered(w),
            set.words.contains(lowered.as_ref()),
            "{w:?}"
        );
        assert_eq!(set.contains(w), set.words.contains(w), "{w:?}");
    }
}

#[test]
fn a_business_and_its_town_after_a_name_are_no_title() {
    let text = "Farmers\n\n- Steve Longmire, Tennessee Homegrown Tomatoes (Rutledge, TN): “In the fall and wintertime, we count on tomatoes from warmer climates.”\n- Kim McIntyre, Executive Director, Aquarium Conservation Partnership: “We thank the President for this action.”\n";
    let doc = Extractor::new().extract(text);
    let got: Vec<(&str, Option<&str>)> = doc
        .speakers
        .iter()
        .map(|s| (s.name.as_ref(), s.title.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("Steve Longmire", None),
            ("Kim McIntyre", Some("Executive Director"))
        ]
    );
}

#[test]
fn a_sentence_found_near_the_last_is_the_one_found_over_all() {
    use super::{sentence_at, sentence_near};
    use crate::Span;
    let mut next = draws(29);
    for _ in 0..300 {
        // Sentences in order, some with gaps between them.
        let mut spans = Vec::new();
        let mut at = next(5);
        for _ in 0..next(40) {
            let len = 1 + next(30);
            spans.push(Span::new(at, at + len));
            at += len + next(3);
        }
        let mut from = 0;
        for _ in 0..60 {
            // Mostly forward, now and then back.
            let p = if next(6) == 0 {
                next(at + 5)
            } else {
                spans.get(from).map_or(0, |s| s.start) + next(40)
            };
            assert_eq!(
                sentence_near(&spans, p, &mut from),
                sentence_at(&spans, p),
                "{p}"
            );
        }
    }
}
