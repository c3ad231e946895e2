# Writes the NumPy fixtures of NumpyFixturesTest (numpy 1.24.2, Python 3.11):  python3 make_fixtures.py
import numpy as np
from numpy.lib import format as npf

a = (np.arange(12, dtype=np.float64).reshape(3, 4) * 1.5 - 4)  # [[-4, -2.5, -1, 0.5], ...]
np.save("c_f8.npy", a)
np.save("fortran_be_f4.npy", np.asfortranarray(a.astype(">f4")))
np.save("c_i8.npy", (a * 2).astype("<i8"))
np.save("fortran_be_i4.npy", np.asfortranarray((a * 2).astype(">i4")))
with open("v2_f8.npy", "wb") as f:
    npf.write_array(f, a, version=(2, 0))
with open("v3_f8.npy", "wb") as f:
    npf.write_array(f, a, version=(3, 0))
np.save("vector.npy", np.array([3.0, 1.0, 2.0]))
np.savez("stored.npz", x=a, y=np.array([[7.0], [8.0]]))
np.savez_compressed("deflated.npz", x=a)
np.save("complex.npy", a.astype(np.complex128))
np.save("structured.npy", np.zeros(3, dtype=[("x", "<f8"), ("y", "<f8")]))
np.save("objects.npy", np.array([[1, "a"]], dtype=object), allow_pickle=True)
np.save("cube.npy", np.zeros((2, 2, 2)))
