"""merge orders and tags

Revision ID: d4
Revises: b2, c3
Create Date: 2026-01-04 10:00:00.000000

"""
revision = 'd4'
down_revision = ('b2', 'c3')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
