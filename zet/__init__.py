"""The ZET app's domain package: content, storage, live session logic and exports.

Everything here runs without Streamlit; the pages in ``pages/`` only draw and call it.
"""
