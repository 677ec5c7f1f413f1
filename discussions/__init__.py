"""Course discussions and announcements.

Layer: above enrollments (it asks who is enrolled and who teaches), below
certificates.
"""
