"""pydicom side of the header-parse benchmark: dcmread(stop_before_pixels=True) over a file list.

Prints one line: files/s. Usage: header_parse_pydicom.py LIST SECONDS
"""
import sys
import time
import warnings

import pydicom

warnings.simplefilter("ignore")
paths = [line.strip() for line in open(sys.argv[1]) if line.strip()]
seconds = float(sys.argv[2])


def one_pass():
    for p in paths:
        ds = pydicom.dcmread(p, stop_before_pixels=True)
        len(ds)  # touch the data set, as the Java side does with size()


one_pass()  # warm the OS cache and imports
count = 0
start = time.perf_counter()
while time.perf_counter() - start < seconds:
    one_pass()
    count += len(paths)
print(f"{count / (time.perf_counter() - start):.1f}")
