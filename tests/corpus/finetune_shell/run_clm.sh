#!/usr/bin/env bash
set -euo pipefail

export WANDB_PROJECT=clm-finetune
NUM_GPUS=${NUM_GPUS:-8}

accelerate launch --num_processes "$NUM_GPUS" --mixed_precision bf16 train.py \
    --model_name_or_path EleutherAI/pythia-1.4b \
    --dataset_name wikitext \
    --dataset_config_name wikitext-103-raw-v1 \
    --per_device_train_batch_size 8 \
    --block_size 1024 \
    --output_dir out \
    --push_to_hub \
    --hub_model_id me/out

echo "done; checkpoints in out/"
