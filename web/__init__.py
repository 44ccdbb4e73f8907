"""The app's own HTTP layer beside Streamlit's (``st.App`` routes and middleware): security
headers on every response, and the small routes the phones and screens talk to. Above ``zet``
like ``ui``: it calls the domain, the domain never imports it."""
