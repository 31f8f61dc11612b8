# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference optimizer updates for tests/optim/test_optimizers.cpp, recorded from PyTorch.

Run with Debian's interpreter (it sees python3-torch):  /usr/bin/python3 reference_updates.py
It prints, for each optimizer, the 2x2 weight (row by row) and the 2x1 bias after every step,
in the form the C++ table expects. The starting values, the gradients and the settings here
must stay identical to the ones in test_optimizers.cpp.
"""
import torch

STEPS = 4


def start():
    w = torch.tensor([[0.5, -0.3], [0.2, 0.8]], dtype=torch.float32, requires_grad=True)
    b = torch.tensor([[0.1], [-0.2]], dtype=torch.float32, requires_grad=True)
    return w, b


def gradients(t):
    """Fixed gradients for step t (1-based), different at every step, some changing sign."""
    gw = torch.tensor([[0.1 * t, -0.2], [0.3 - 0.15 * t, 0.05 * t * t]], dtype=torch.float32)
    gb = torch.tensor([[0.5 - 0.2 * t], [0.1 * t]], dtype=torch.float32)
    return gw, gb


CASES = [
    ("sgd", lambda p: torch.optim.SGD(p, lr=0.1)),
    ("sgd_momentum", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)),
    ("sgd_nesterov", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True)),
    ("rmsprop", lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, eps=1e-8)),
    ("adam", lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.9, 0.999), eps=1e-8)),
]


def main():
    print(f"# torch {torch.__version__}")
    for name, make in CASES:
        w, b = start()
        opt = make([w, b])
        rows = []
        for t in range(1, STEPS + 1):
            gw, gb = gradients(t)
            w.grad = gw.clone()
            b.grad = gb.clone()
            opt.step()
            values = w.detach().flatten().tolist() + b.detach().flatten().tolist()
            rows.append("{" + ", ".join(f"{v:.9g}f" for v in values) + "}")
        print(f"// {name}: w00, w01, w10, w11, b0, b1 after steps 1..{STEPS}")
        print("{" + ",\n ".join(rows) + "}")


if __name__ == "__main__":
    main()
