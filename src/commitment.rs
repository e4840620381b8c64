//! Commitment lists: two or more list items whose lead-in expresses intent
//! or agreement ("In addition, they plan to:", "Ministers committed to:").

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::document::TextSpan;
use crate::layout::BlockKind;
use crate::tables;
use crate::text::Pattern;

/// A list of commitments with the sentence that introduces it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment<'h> {
    /// The introducing sentence (the one ending with a colon).
    #[serde(borrow)]
    pub lead: TextSpan<'h>,
    /// Who commits, as the text names them ("they", "Ministers present"),
    /// when the lead names anyone.
    #[serde(borrow)]
    pub actor: Option<Cow<'h, str>>,
    /// Every item of the list, nested ones included, without markers.
    #[serde(borrow)]
    pub items: Vec<TextSpan<'h>>,
}

/// The compiled commitment-list rules.
#[derive(Debug)]
pub(crate) struct CommitmentFinder {
    intent: Vec<Pattern>,
    veto: Vec<Pattern>,
    passive_agent: Pattern,
    subject_verb: Pattern,
}

impl CommitmentFinder {
    pub(crate) fn new() -> CommitmentFinder {
        let mut intent = Vec::new();
        let mut veto = Vec::new();
        for row in tables::rows(tables::COMMITMENT_LEADS) {
            if let [_, polarity, pattern] = row[..] {
                let p = Pattern::new(&format!("(?i){pattern}"));
                if polarity == "not" {
                    veto.push(p);
                } else {
                    intent.push(p);
                }
            }
        }
        CommitmentFinder {
            intent,
            veto,
            passive_agent: Pattern::new(
                r"(?i)\b(?:were|was|are|is|been) (?:agreed|adopted|endorsed|made|undertaken|announced|given) by ([^,:;]+?)\s*:$",
            ),
            subject_verb: Pattern::new(
                r"(?i)\b(?:will|shall|(?:has|have|had|remain|remains)? ?(?:committed|commits?|pledged?|pledges|agreed|agrees?|plans?|planned|intends?|resolved|undertakes?|vowed)|(?:is|are) (?:announcing|committing|pledging|planning)|announced|announces)\b",
            ),
        }
    }

    /// Commitment lists of the analysed text.
    pub(crate) fn find<'h>(&self, a: &Analysis<'h>) -> Vec<Commitment<'h>> {
        let mut out = Vec::new();
        let blocks = &a.blocks;
        let mut i = 0;
        while i < blocks.len() {
            if blocks[i].kind != BlockKind::ListItem || i == 0 {
                i += 1;
                continue;
            }
            let run_start = i;
            while i < blocks.len() && blocks[i].kind == BlockKind::ListItem {
                i += 1;
            }
            if i - run_start < 2 {
                continue;
            }
            let lead_block = run_start - 1;
            if !matches!(
                blocks[lead_block].kind,
                BlockKind::Paragraph | BlockKind::Heading | BlockKind::Title
            ) {
                continue;
            }
            let Some(lead) = a.sentences.iter().rev().find(|s| s.block == lead_block) else {
                continue;
            };
            let lead_text = &a.text[lead.span];
            if !lead_text.ends_with(':') {
                continue;
            }
            let paragraph = &a.text[blocks[lead_block].span];
            if !self.expresses_intent(paragraph, lead_text) {
                continue;
            }
            out.push(Commitment {
                lead: TextSpan::at(a.text, lead.span),
                actor: self.actor(lead_text).map(Cow::Borrowed),
                items: blocks[run_start..i]
                    .iter()
                    .map(|b| TextSpan::at(a.text, b.span))
                    .collect(),
            });
        }
        out
    }

    fn expresses_intent(&self, paragraph: &str, lead: &str) -> bool {
        self.intent.iter().any(|p| p.is_match(paragraph))
            && !self.veto.iter().any(|p| p.is_match(lead))
    }

    /// Who commits: the agent of a passive lead ("agreed by Ministers
    /// present"), else the subject before the intent verb, without an
    /// introductory phrase ("In addition, they plan to" gives "they").
    fn actor<'s>(&self, lead: &'s str) -> Option<&'s str> {
        if let Some(c) = self.passive_agent.captures(lead) {
            return c.get(1).map(|m| m.as_str().trim());
        }
        let verb = self.subject_verb.find(lead)?;
        let head = &lead[..verb.start()];
        let clause = head.rsplit(',').next().unwrap_or(head).trim();
        let clause = clause.split("’s ").next().unwrap_or(clause);
        let clause = clause.split("'s ").next().unwrap_or(clause).trim();
        let words = clause.split_whitespace().count();
        if words == 0 || words > 12 {
            return None;
        }
        let lower = clause.to_lowercase();
        if matches!(
            lower.as_str(),
            "this" | "these" | "that" | "those" | "it" | "there" | "today"
        ) {
            return None;
        }
        Some(clause)
    }
}
