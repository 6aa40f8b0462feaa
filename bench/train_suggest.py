"""Train the shipped suggestion model (reader/core/suggest/data/base_model.json).

Multinomial logistic regression over ``statement_features`` of the dev split of
bench/data/suggest_eval.jsonl — statements we composed and public-domain U.S. presidential
messages we labelled — and nothing else (no outside data set: their licences do not let a
model derived from them ship). The rules are the prior: the L2 penalty pulls every weight
towards the rules-alone model (each kind's summed cue weight), not towards zero, so a cue the
data rarely shows keeps its hand-set meaning and the data corrects the rest. The penalty is chosen by the log loss of held-out predictions,
both within sources (5 folds by passage) and across them (trained on the composed passages,
tested on the presidential messages, and the other way round: outside text is unlike
anything trained on). The calibration temperature is fitted on held-out scores of text
unlike the training text only: each type of text (news, report, speech, …) held out in turn,
and each of the two sources; the highest (humblest) of those temperatures is kept, so
confidences hold on the least familiar kind of text, not on average.
Needs numpy and scipy (the `[train]` extra; a developer tool, not a dependency of the app):

    .venv/bin/pip install numpy scipy && .venv/bin/python bench/train_suggest.py
"""

from __future__ import annotations

import argparse
import sys

from suggest_data import ROOT, labelled_features, load_rows

from reader.core.suggest import BaseModel, fit_temperature, rules_only_model

OUT = ROOT / "reader" / "core" / "suggest" / "data" / "base_model.json"
FOLDS = 5
PENALTIES = (1.0, 3.0, 10.0, 30.0, 100.0)
RULE_FIRMNESS = 10.0
MIN_GROUP = 50  # smaller held-out groups give no temperature of their own (too noisy)


def _matrix(examples, names):
    import numpy as np
    from scipy.sparse import csr_matrix

    index = {name: j for j, name in enumerate(names)}
    rows, cols, vals = [], [], []
    for i, (features, _, _) in enumerate(examples):
        for name, value in features.items():
            j = index.get(name)
            if j is not None:
                rows.append(i)
                cols.append(j)
                vals.append(value)
    return csr_matrix((vals, (rows, cols)), shape=(len(examples), len(names)), dtype=np.float64)


def fit(examples, names, penalty: float):
    """Weights (features x 3) minimising balanced log loss + penalty/2 * |W - prior|^2."""
    import numpy as np
    from scipy.optimize import minimize

    x = _matrix(examples, names)
    y = np.array([label for _, label, _ in examples])
    # Unweighted classes: weighting them equally (quotations are rare) gave a worse held-out
    # log loss here (0.534 against 0.520) and more quotations suggested for outside text.
    sample = np.ones(len(y))
    prior = np.zeros((len(names), 3))
    for name, weights in rules_only_model().weights.items():
        if name in names:
            prior[names.index(name)] = weights
    onehot = np.eye(3)[y]
    # The rules' own features (their totals, each cue) hold to the prior more firmly.
    strength = np.array([[RULE_FIRMNESS if n.startswith(("rule:", "cue:")) else 1.0]
                         for n in names]) * penalty

    def loss(flat):
        w = flat.reshape(-1, 3)
        scores = x @ w
        scores -= scores.max(axis=1, keepdims=True)
        logp = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        value = -(sample * (onehot * logp).sum(axis=1)).sum()
        grad = x.T @ (sample[:, None] * (np.exp(logp) - onehot))
        diff = w - prior
        return value + (strength * diff ** 2).sum() / 2, (grad + strength * diff).ravel()

    result = minimize(loss, prior.ravel(), jac=True, method="L-BFGS-B",
                      options={"maxiter": 2000})
    return result.x.reshape(-1, 3)


def _fold_of(row: dict, how: str, passages: list[str]):
    if how == "source":  # composed passages vs presidential messages
        return row["passage"].startswith("sotu-")
    if how == "type":  # news, report, speech, column, interview, press, review
        return row["source_type"]
    return passages.index(row["passage"]) % FOLDS


def out_of_fold_scores(examples, names, penalty: float, how: str = "passage"):
    """Scores of every example from a model that did not see its passage (5 folds), or with
    ``how`` "source" any text of its source (composed vs presidential messages), or with
    "type" any text of its type (news, report, speech, …)."""
    import numpy as np

    passages = sorted({row["passage"] for _, _, row in examples})
    folds = [_fold_of(row, how, passages) for _, _, row in examples]
    scores = np.zeros((len(examples), 3))
    for k in sorted(set(folds), key=str):
        train = [e for e, f in zip(examples, folds) if f != k]
        test = [i for i, f in enumerate(folds) if f == k]
        w = fit(train, names, penalty)
        scores[test] = _matrix([examples[i] for i in test], names) @ w
    return scores


def humblest_temperature(scores, labels, groups) -> float:
    """The highest of the temperatures fitted on each group of held-out scores (groups of at
    least MIN_GROUP statements): confidences that hold on the least familiar kind of text."""
    import numpy as np

    found = []
    for group in sorted(set(groups), key=str):
        members = [i for i, g in enumerate(groups) if g == group]
        if len(members) >= MIN_GROUP:
            found.append(fit_temperature(scores[np.array(members)].tolist(),
                                         [labels[i] for i in members]))
    return max(found)


def _log_loss(scores, labels, temperature: float) -> float:
    import numpy as np

    shifted = scores / temperature
    shifted = shifted - shifted.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(labels)), labels].mean())


def main(argv: list[str]) -> int:
    """Choose the penalty, fit on the dev split, calibrate, write the model file."""
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--penalty", type=float, help="skip the cross-validation")
    args = parser.parse_args(argv)
    rows = [r for r in load_rows() if r["split"] == "dev"]
    examples = labelled_features(rows)
    labels = [y for _, y, _ in examples]
    names = sorted({name for features, _, _ in examples for name in features})
    best = None
    for penalty in ([args.penalty] if args.penalty else PENALTIES):
        within = out_of_fold_scores(examples, names, penalty)
        across = out_of_fold_scores(examples, names, penalty, how="source")
        by_type = out_of_fold_scores(examples, names, penalty, how="type")
        # Calibrated for the least familiar text: each held-out type of text (and each of
        # the two sources) gets its own temperature, and the highest is kept.
        temperature = max(
            humblest_temperature(across, labels, [r["passage"].startswith("sotu-")
                                                  for _, _, r in examples]),
            humblest_temperature(by_type, labels, [r["source_type"] for _, _, r in examples]))
        # Each held-out set's log loss at its own best temperature: the penalty is judged
        # by how well the scores rank, apart from how sure they are.
        losses = [_log_loss(scores, labels, fit_temperature(scores.tolist(), labels))
                  for scores in (within, across, by_type)]
        accuracy = (within.argmax(axis=1) == np.array(labels)).mean()
        print(f"penalty {penalty}: out-of-fold log loss {losses[0]:.3f} within sources, "
              f"{losses[1]:.3f} across sources, {losses[2]:.3f} across types of text; "
              f"accuracy {accuracy:.3f}; temperature "
              f"{temperature}")
        # Chosen for text like and unlike its training text (outside news is unlike it).
        if best is None or sum(losses) < best[0]:
            best = (sum(losses), penalty, temperature)
    _, penalty, temperature = best
    w = fit(examples, names, penalty)
    weights = {name: tuple(round(float(v), 4) for v in row)
               for name, row in zip(names, w) if np.abs(row).max() >= 1e-3}
    trained_on = (f"{len(examples)} dev statements of bench/data/suggest_eval.jsonl "
                  f"(penalty {penalty} towards the rules, {len(weights)} weights)")
    OUT.write_text(BaseModel(weights, temperature, trained_on).to_json() + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {trained_on}, temperature {temperature}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
