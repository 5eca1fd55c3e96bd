"""Lists the CT and RT files (CT Image, RT Structure Set, RT Plan, RT Dose storage) under a directory.

Both sides of the header-parse benchmark read the list this prints, so they parse the same files.
"""
import os
import sys
import warnings

import pydicom

CT_RT = {
    "1.2.840.10008.5.1.4.1.1.2",      # CT Image Storage
    "1.2.840.10008.5.1.4.1.1.481.2",  # RT Dose Storage
    "1.2.840.10008.5.1.4.1.1.481.3",  # RT Structure Set Storage
    "1.2.840.10008.5.1.4.1.1.481.5",  # RT Plan Storage
}

warnings.simplefilter("ignore")
for root, _, files in os.walk(sys.argv[1]):
    for name in sorted(files):
        path = os.path.join(root, name)
        try:
            ds = pydicom.dcmread(path, stop_before_pixels=True, specific_tags=["SOPClassUID"])
        except Exception:
            continue
        if str(ds.get("SOPClassUID", "")) in CT_RT:
            print(path)
