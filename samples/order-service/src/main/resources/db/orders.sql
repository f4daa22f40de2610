CREATE TABLE IF NOT EXISTS shop_orders (
    id          VARCHAR(40)              NOT NULL PRIMARY KEY,
    customer_id VARCHAR(64)              NOT NULL,
    sku         VARCHAR(64)              NOT NULL,
    quantity    INT                      NOT NULL,
    total_cents BIGINT                   NOT NULL,
    placed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
