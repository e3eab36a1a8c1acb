"""orders

Revision ID: b2
Revises: a1
Create Date: 2026-01-03 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'b2'
down_revision = 'a1'
branch_labels = ('shop',)
depends_on = None


def upgrade():
    op.create_table('orders',
        sa.Column('id', sa.Integer(), sa.Identity(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('total', sa.Numeric(12, 2), nullable=False, server_default='0'),
        sa.Column('note', sa.String(50)),
        sa.PrimaryKeyConstraint('id'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name='fk_orders_user', ondelete='CASCADE'),
    )
    for column in ['user_id', 'total']:
        op.create_index('ix_orders_' + column, 'orders', [column])
    op.bulk_insert(sa.table('orders', sa.column('user_id', sa.Integer), sa.column('total', sa.Numeric)),
                   [{'user_id': 1, 'total': 10.5}])


def downgrade():
    op.drop_index('ix_orders_total', table_name='orders')
    op.drop_index('ix_orders_user_id', table_name='orders')
    op.drop_table('orders')
