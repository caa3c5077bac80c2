"""An RWKV backend for long conversations."""

from huggingface_hub import hf_hub_download

RWKV_REPO = "BlinkDL/rwkv-4-raven"


def weights_path() -> str:
    return hf_hub_download(repo_id=RWKV_REPO, filename="RWKV-4-Raven-7B-v12-Eng98%-Other2%-20230521-ctx8192.pth")
