# SPDX-License-Identifier: GPL-3.0-or-later
# Produced the expected figures in TestMetrics::matchesScikitLearn (scikit-learn 1.2.1):
#   /usr/bin/python3 tests/core/metrics_sklearn.py
import numpy as np
from sklearn import metrics

truth = [0, 1, 1, 0, 2, 2, 1, 0, 3, 1, 2, 0]
pred = [0, 1, 2, 0, 2, 1, 1, 1, 0, 1, 2, 2]  # class 3 never predicted
p, r, f, s = metrics.precision_recall_fscore_support(truth, pred, labels=[0, 1, 2, 3],
                                                     zero_division=0)
print("precision", list(p)); print("recall", list(r)); print("f1", list(f)); print("support", list(s))
print("macro", metrics.precision_score(truth, pred, average="macro", zero_division=0),
      metrics.recall_score(truth, pred, average="macro", zero_division=0),
      metrics.f1_score(truth, pred, average="macro", zero_division=0))
print("accuracy", metrics.accuracy_score(truth, pred))

y = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0]
score = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.7, 0.9, 0.2, 0.05]  # 0.4 tied across classes
print("auc", metrics.roc_auc_score(y, score))
fpr, tpr, thr = metrics.roc_curve(y, score, drop_intermediate=False)
print("fpr", list(fpr)); print("tpr", list(tpr))
pr, rc, pth = metrics.precision_recall_curve(y, score)
print("pr_precision", list(pr)); print("pr_recall", list(rc)); print("pr_thresholds", list(pth))
at = [1 if v >= 0.4 else 0 for v in score]
print("at 0.4", metrics.precision_score(y, at), metrics.recall_score(y, at), metrics.f1_score(y, at))

t = np.array([3.0, -0.5, 2.0, 7.0, 1.5])
q = np.array([2.5, 0.0, 2.0, 8.0, 1.0])
print("mse", metrics.mean_squared_error(t, q), "mae", metrics.mean_absolute_error(t, q),
      "r2", metrics.r2_score(t, q))
