//! A port of the project's gold scorer: per-part true positives, predicted
//! and gold counts, summed over documents (micro average). Kept faithful to
//! the reference scorer so the fixture suite's figures equal the
//! evaluation's.

use std::collections::{BTreeMap, HashMap, HashSet};

use regex::Regex;
use serde_json::Value;

/// The figures the scorer reports, in its order.
pub const ROWS: &[(&str, &str)] = &[
    ("title", "title found"),
    ("sentences.exact", "sentences, exact span"),
    ("sentences.boundary", "sentence ends"),
    ("boilerplate", "boilerplate blocks"),
    ("speakers", "speakers"),
    ("speakers.title", "speaker titles (of matched)"),
    ("quotes", "quotes (direct/partial/block)"),
    ("quotes.exact", "  same, exact text"),
    ("quotes.speaker", "  speaker right (of matched)"),
    ("quotes.attributed", "  quote + speaker, end to end"),
    ("quotes.indirect", "indirect quotes"),
    (
        "quotes.indirect.attributed",
        "  indirect + speaker, end to end",
    ),
    ("countries.codes", "countries per document"),
    ("countries.mentions", "country mentions"),
    ("dates", "dates, overlapping span"),
    ("dates.exact", "  same, exact span"),
    ("dates.value", "  span + normalised value"),
    ("commitments.items", "commitment items"),
    ("commitments.lists", "commitment leads"),
];

const EDGE: &[char] = &[
    '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', ' ', '\t', '\n', ',', '.', ';',
    ':', '!', '?',
];

/// Tallies of true positives, predictions and gold items per figure.
#[derive(Default, Debug)]
pub struct Counts(pub BTreeMap<String, [usize; 3]>);

impl Counts {
    fn add(
        &mut self,
        parts: &Option<HashSet<String>>,
        key: &str,
        tp: usize,
        pred: usize,
        gold: usize,
    ) {
        if let Some(parts) = parts {
            if !parts.contains(key.split('.').next().unwrap_or(key)) {
                return;
            }
        }
        let t = self.0.entry(key.to_string()).or_default();
        t[0] += tp;
        t[1] += pred;
        t[2] += gold;
    }

    /// Precision, recall and F1 of one figure.
    pub fn prf(&self, key: &str) -> (f64, f64, f64) {
        let [tp, np, ng] = self.0.get(key).copied().unwrap_or_default();
        let (tp, np, ng) = (tp as f64, np as f64, ng as f64);
        let p = if np > 0.0 {
            tp / np
        } else if ng == 0.0 {
            1.0
        } else {
            0.0
        };
        let r = if ng > 0.0 {
            tp / ng
        } else if np == 0.0 {
            1.0
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

struct Norm {
    ws: Regex,
    the: Regex,
    article: Regex,
    word: Regex,
}

impl Norm {
    fn new() -> Norm {
        Norm {
            ws: Regex::new(r"\s+").unwrap(),
            the: Regex::new(r"(?i)^the\s+").unwrap(),
            article: Regex::new(r"(?i)^(the|a|an)\s+").unwrap(),
            word: Regex::new(r"\w+").unwrap(),
        }
    }

    /// White space folded, surrounding quote marks and end punctuation
    /// dropped, case folded.
    fn norm(&self, s: &str) -> String {
        self.ws
            .replace_all(s, " ")
            .trim_matches(EDGE)
            .to_lowercase()
    }

    fn tokens(&self, s: &str) -> HashSet<String> {
        let lower = s.to_lowercase();
        self.word
            .find_iter(&lower)
            .map(|m| m.as_str().to_string())
            .collect()
    }

    fn jaccard(&self, a: &str, b: &str) -> f64 {
        let (a, b) = (self.tokens(a), self.tokens(b));
        let union = a.union(&b).count();
        if union == 0 {
            1.0
        } else {
            a.intersection(&b).count() as f64 / union as f64
        }
    }

    fn name_matches(&self, pred: &str, gold: &Value) -> bool {
        if pred.is_empty() {
            return false;
        }
        let p = self.norm(&self.article.replace(pred.trim(), ""));
        let mut names = vec![str_of(&gold["name"]).to_string()];
        if let Some(a) = gold["aliases"].as_array() {
            names.extend(a.iter().map(|v| str_of(v).to_string()));
        }
        names.iter().any(|n| {
            let g = self.norm(&self.article.replace(n, ""));
            p == g || matches!((p.split_whitespace().last(), g.split_whitespace().last()), (Some(x), Some(y)) if x == y)
        })
    }
}

fn str_of(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn arr(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

/// Byte spans of each string, searched in order (None where absent).
fn locate_in_order(text: &str, items: &[&str]) -> Vec<Option<(usize, usize)>> {
    let mut pos = 0;
    items
        .iter()
        .map(|s| {
            let i = text
                .get(pos..)
                .and_then(|t| t.find(s))
                .map(|i| i + pos)
                .or_else(|| text.find(s))?;
            pos = i + s.len();
            Some((i, i + s.len()))
        })
        .collect()
}

fn multiset_tp(pred: &[String], gold: &[String]) -> usize {
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for g in gold {
        *counts.entry(g).or_default() += 1;
    }
    let mut tp = 0;
    for p in pred {
        if let Some(c) = counts.get_mut(p.as_str()) {
            if *c > 0 {
                *c -= 1;
                tp += 1;
            }
        }
    }
    tp
}

fn greedy<P, G>(preds: &[P], golds: &[G], ok: impl Fn(&P, &G) -> bool) -> Vec<(usize, usize)> {
    let mut used = HashSet::new();
    let mut pairs = Vec::new();
    for (i, p) in preds.iter().enumerate() {
        for (j, g) in golds.iter().enumerate() {
            if !used.contains(&j) && ok(p, g) {
                used.insert(j);
                pairs.push((i, j));
                break;
            }
        }
    }
    pairs
}

fn span_of(v: &Value, text: &str) -> Option<(usize, usize)> {
    let a = v.as_array()?;
    let (s, e) = (a.first()?.as_u64()? as usize, a.get(1)?.as_u64()? as usize);
    (s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e))
        .then_some((s, e))
}

/// Scores one document's prediction against its gold, adding to `c`.
pub fn score_doc(gold: &Value, pred: &Value, text: &str, c: &mut Counts) {
    let n = Norm::new();
    let parts: Option<HashSet<String>> = gold["parts"]
        .as_array()
        .map(|a| a.iter().map(|v| str_of(v).to_string()).collect());
    let parts = &parts;

    let ptitle = str_of(&pred["title"]["text"]);
    c.add(
        parts,
        "title",
        usize::from(n.norm(ptitle) == n.norm(str_of(&gold["title"]))),
        1,
        1,
    );

    let gsent: Vec<&str> = arr(&gold["sentences"]).iter().map(str_of).collect();
    let gspans: Vec<(usize, usize)> = locate_in_order(text, &gsent)
        .into_iter()
        .flatten()
        .collect();
    let pspans: Vec<(usize, usize)> = arr(&pred["sentences"])
        .iter()
        .filter_map(|s| span_of(&s["span"], text))
        .collect();
    let gset: HashSet<_> = gspans.iter().copied().collect();
    let pset: HashSet<_> = pspans.iter().copied().collect();
    c.add(
        parts,
        "sentences.exact",
        gset.intersection(&pset).count(),
        pspans.len(),
        gspans.len(),
    );
    let gends: HashSet<usize> = gspans.iter().map(|s| s.1).collect();
    let pends: HashSet<usize> = pspans.iter().map(|s| s.1).collect();
    c.add(
        parts,
        "sentences.boundary",
        gends.intersection(&pends).count(),
        pends.len(),
        gends.len(),
    );

    let pboil: Vec<String> = arr(&pred["blocks"])
        .iter()
        .filter(|b| str_of(&b["kind"]) == "boilerplate")
        .filter_map(|b| span_of(&b["span"], text))
        .map(|(s, e)| n.norm(&text[s..e]))
        .collect();
    let gboil: Vec<String> = arr(&gold["boilerplate"])
        .iter()
        .map(|v| n.norm(str_of(v)))
        .collect();
    c.add(
        parts,
        "boilerplate",
        multiset_tp(&pboil, &gboil),
        pboil.len(),
        gboil.len(),
    );

    let pspk = arr(&pred["speakers"]);
    let gspk = arr(&gold["speakers"]);
    let pairs = greedy(pspk, gspk, |p, g| n.name_matches(str_of(&p["name"]), g));
    c.add(parts, "speakers", pairs.len(), pspk.len(), gspk.len());
    let titled: Vec<_> = pairs
        .iter()
        .filter(|&&(_, j)| !gspk[j]["title"].is_null())
        .collect();
    let right = titled
        .iter()
        .filter(|&&&(i, j)| n.norm(str_of(&pspk[i]["title"])) == n.norm(str_of(&gspk[j]["title"])))
        .count();
    c.add(parts, "speakers.title", right, titled.len(), titled.len());

    let by_name: HashMap<&str, &Value> = gspk.iter().map(|g| (str_of(&g["name"]), g)).collect();
    for (group, kinds) in [
        ("quotes", &["direct", "partial", "block"][..]),
        ("quotes.indirect", &["indirect"][..]),
    ] {
        let pq: Vec<&Value> = arr(&pred["quotes"])
            .iter()
            .filter(|q| kinds.contains(&str_of(&q["kind"])))
            .collect();
        let gq: Vec<&Value> = arr(&gold["quotes"])
            .iter()
            .filter(|q| kinds.contains(&str_of(&q["kind"])))
            .collect();
        let strict = greedy(&pq, &gq, |p, g| {
            n.norm(str_of(&p["text"])) == n.norm(str_of(&g["text"]))
        });
        let loose = greedy(&pq, &gq, |p, g| {
            n.jaccard(str_of(&p["text"]), str_of(&g["text"])) >= 0.5
        });
        c.add(
            parts,
            &format!("{group}.exact"),
            strict.len(),
            pq.len(),
            gq.len(),
        );
        c.add(parts, group, loose.len(), pq.len(), gq.len());
        let mut right = 0;
        for &(i, j) in &loose {
            let pname = pq[i]["speaker"]
                .as_u64()
                .and_then(|si| pspk.get(si as usize))
                .map(|s| str_of(&s["name"]));
            let ok = match gq[j]["speaker"].as_str() {
                None => pname.is_none(),
                Some(gname) => by_name
                    .get(gname)
                    .is_some_and(|g| pname.is_some_and(|p| n.name_matches(p, g))),
            };
            right += usize::from(ok);
        }
        c.add(
            parts,
            &format!("{group}.speaker"),
            right,
            loose.len(),
            loose.len(),
        );
        c.add(
            parts,
            &format!("{group}.attributed"),
            right,
            pq.len(),
            gq.len(),
        );
    }

    let pc: HashSet<&str> = arr(&pred["countries"])
        .iter()
        .map(|c| str_of(&c["code"]))
        .collect();
    let gc: HashSet<&str> = arr(&gold["countries"])
        .iter()
        .map(|c| str_of(&c["code"]))
        .collect();
    c.add(
        parts,
        "countries.codes",
        pc.intersection(&gc).count(),
        pc.len(),
        gc.len(),
    );
    let pm: Vec<String> = arr(&pred["countries"])
        .iter()
        .flat_map(|c| {
            arr(&c["mentions"])
                .iter()
                .map(move |m| (str_of(&c["code"]), str_of(&m["text"])))
        })
        .map(|(code, m)| format!("{code}\t{}", n.norm(&n.the.replace(m, ""))))
        .collect();
    let gm: Vec<String> = arr(&gold["countries"])
        .iter()
        .flat_map(|c| {
            arr(&c["mentions"])
                .iter()
                .map(move |m| (str_of(&c["code"]), str_of(m)))
        })
        .map(|(code, m)| format!("{code}\t{}", n.norm(&n.the.replace(m, ""))))
        .collect();
    c.add(
        parts,
        "countries.mentions",
        multiset_tp(&pm, &gm),
        pm.len(),
        gm.len(),
    );

    let gd = arr(&gold["dates"]);
    let gtexts: Vec<&str> = gd.iter().map(|d| str_of(&d["text"])).collect();
    let gds = locate_in_order(text, &gtexts);
    let pd: Vec<((usize, usize), String)> = arr(&pred["dates"])
        .iter()
        .filter_map(|d| Some((span_of(&d["span"], text)?, value_string(&d["value"]))))
        .collect();
    let idx: Vec<usize> = (0..gd.len()).collect();
    let strict = greedy(&pd, &idx, |p, &j| gds[j] == Some(p.0));
    let loose = greedy(&pd, &idx, |p, &j| {
        gds[j].is_some_and(|g| p.0 .0 < g.1 && g.0 < p.0 .1)
    });
    c.add(parts, "dates.exact", strict.len(), pd.len(), gd.len());
    c.add(parts, "dates", loose.len(), pd.len(), gd.len());
    let vright = loose
        .iter()
        .filter(|&&(i, j)| pd[i].1 == value_string(&gd[j]["value"]))
        .count();
    c.add(parts, "dates.value", vright, pd.len(), gd.len());

    let pi: Vec<String> = arr(&pred["commitments"])
        .iter()
        .flat_map(|c| {
            arr(&c["items"])
                .iter()
                .map(|it| n.norm(str_of(&it["text"])))
        })
        .collect();
    let gi: Vec<String> = arr(&gold["commitments"])
        .iter()
        .flat_map(|c| arr(&c["items"]).iter().map(|it| n.norm(str_of(it))))
        .collect();
    c.add(
        parts,
        "commitments.items",
        multiset_tp(&pi, &gi),
        pi.len(),
        gi.len(),
    );
    let pl: Vec<String> = arr(&pred["commitments"])
        .iter()
        .map(|c| n.norm(str_of(&c["lead"]["text"])))
        .collect();
    let gl: Vec<String> = arr(&gold["commitments"])
        .iter()
        .map(|c| n.norm(str_of(&c["lead"])))
        .collect();
    c.add(
        parts,
        "commitments.lists",
        multiset_tp(&pl, &gl),
        pl.len(),
        gl.len(),
    );
}

/// A date value as the reference scorer compares it (`str()` of the JSON
/// value, so null is "None").
fn value_string(v: &Value) -> String {
    match v {
        Value::Null => "None".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
