"""Streamlit building blocks shared by the pages. Domain logic lives in ``zet``."""
