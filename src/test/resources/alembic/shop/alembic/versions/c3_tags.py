"""tags

Revision ID: c3
Revises: a1
Create Date: 2026-01-03 11:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'c3'
down_revision = 'a1'
branch_labels = None
depends_on = 'b2'


def upgrade():
    op.create_table('tags',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('label', sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('users') as batch_op:
        batch_op.add_column(sa.Column('nickname', sa.String(30), nullable=True))
        batch_op.alter_column('balance', existing_type=sa.Numeric(10, 2), nullable=False, server_default='0')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("COMMENT ON TABLE tags IS 'labels'")


def downgrade():
    with op.batch_alter_table('users') as batch_op:
        batch_op.alter_column('balance', existing_type=sa.Numeric(10, 2), nullable=True, server_default=None)
        batch_op.drop_column('nickname')
    op.drop_table('tags')
