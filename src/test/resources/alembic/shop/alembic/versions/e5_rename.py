"""rename tags

Revision ID: e5
Revises: d4
Create Date: 2026-01-05 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'e5'
down_revision = 'd4'
branch_labels = None
depends_on = None


def upgrade():
    op.rename_table('tags', 'labels')
    op.add_column('orders', sa.Column('shipped', sa.Boolean(), nullable=True))
    with op.batch_alter_table('labels') as batch_op:
        batch_op.create_unique_constraint('uq_labels_label', ['label'])


def downgrade():
    with op.batch_alter_table('labels') as batch_op:
        batch_op.drop_constraint('uq_labels_label', type_='unique')
    op.drop_column('orders', 'shipped')
    op.rename_table('labels', 'tags')
