"""The quickscan before the dagdeel: the phone, the organiser's panel, the results."""
