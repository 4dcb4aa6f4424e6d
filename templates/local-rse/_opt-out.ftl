
P.S. If you'd rather not hear from me about this again, just reply
"no thanks" and I won't write again.
